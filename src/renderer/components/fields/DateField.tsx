import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { TimePicker } from '@mui/x-date-pickers/TimePicker';
import { format, isValid, parse } from 'date-fns';

/** What a date field holds while the typed date is incomplete or impossible: never a valid 'YYYY-MM-DD'. */
export const INVALID_DATE = 'ogiltigt-datum';

/** The fixed reference day for parsing (never the PC's clock). */
const REFERENCE = new Date(2000, 0, 1);

export function isoToDate(value: string | null | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = parse(value, 'yyyy-MM-dd', REFERENCE);
  return isValid(d) ? d : null;
}

export function dateToIso(d: Date | null): string {
  if (d === null) return '';
  return isValid(d) ? format(d, 'yyyy-MM-dd') : INVALID_DATE;
}

/**
 * A date as Swedish screens write it, ÅÅÅÅ-MM-DD, whatever the browser's or the OS's language (MUI X date picker
 * with date-fns and the Swedish locale; weeks start on Monday). Type the digits — the field moves on from year to
 * month to day — or pick from the calendar. The value is the 'YYYY-MM-DD' string the contract takes, '' when empty,
 * or INVALID_DATE while what is typed is not a whole date (zod then says so on the field).
 */
export function DateField({
  label,
  value,
  onChange,
  onBlur,
  error,
  helperText,
  required,
  disabled,
  min,
  max,
  name,
  autoFocus,
  fullWidth = true,
}: {
  label: ReactNode;
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: boolean;
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Earliest and latest selectable day, 'YYYY-MM-DD'. */
  min?: string;
  max?: string;
  name?: string;
  autoFocus?: boolean;
  fullWidth?: boolean;
}) {
  const { t } = useTranslation();
  const date = useMemo(() => isoToDate(value), [value]);
  const minDate = useMemo(() => isoToDate(min) ?? undefined, [min]);
  const maxDate = useMemo(() => isoToDate(max) ?? undefined, [max]);
  return (
    <DatePicker
      label={label}
      value={value === INVALID_DATE ? new Date(Number.NaN) : date}
      onChange={(d) => onChange(dateToIso(d))}
      format="yyyy-MM-dd"
      disabled={disabled}
      autoFocus={autoFocus}
      {...(minDate ? { minDate } : {})}
      {...(maxDate ? { maxDate } : {})}
      slotProps={{
        textField: {
          size: 'small',
          fullWidth,
          required,
          error,
          name,
          onBlur,
          helperText: helperText ?? t('kit.dateHelp'),
        },
        openPickerButton: { 'aria-label': t('kit.pickDate') },
      }}
    />
  );
}

/** A time of day as 'HH:MM' (24 hours, whatever the browser's language); '' when empty, INVALID_DATE when incomplete. */
export function TimeField({
  label,
  value,
  onChange,
  error,
  helperText,
  required,
  disabled,
  fullWidth = true,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: boolean;
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  fullWidth?: boolean;
}) {
  const date = useMemo(() => {
    if (!/^\d{2}:\d{2}$/.test(value)) return null;
    const d = parse(value, 'HH:mm', REFERENCE);
    return isValid(d) ? d : null;
  }, [value]);
  return (
    <TimePicker
      label={label}
      value={value === INVALID_DATE ? new Date(Number.NaN) : date}
      onChange={(d) => onChange(d === null ? '' : isValid(d) ? format(d, 'HH:mm') : INVALID_DATE)}
      format="HH:mm"
      ampm={false}
      disabled={disabled}
      slotProps={{ textField: { size: 'small', fullWidth, required, error, helperText } }}
    />
  );
}
