import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { parseKronorToOre, parsePercent, type ParsedNumber } from '../../../shared/rules/numbers';

type Base = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (text: string) => void;
  label: ReactNode;
};

/**
 * An amount in kronor, typed as Swedes write it: "24 300", "24 300,50", with plain or no-break spaces, a minus as
 * "−" or "-", "kr" allowed. The field holds the text; `parseKronorToOre` (src/shared/rules/numbers.ts) makes öre of
 * it when the form is sent, and says why when it cannot.
 */
export function MoneyField({ value, onChange, helperText, slotProps, ...rest }: Base) {
  const { t } = useTranslation();
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      helperText={helperText ?? t('kit.amountHelp')}
      slotProps={{
        ...slotProps,
        htmlInput: { inputMode: 'decimal', ...(slotProps?.htmlInput as object) },
        input: { endAdornment: <InputAdornment position="end">{t('kit.kronorSuffix')}</InputAdornment> },
      }}
    />
  );
}

/** A percentage ("50", "37,5" when decimals are allowed), with "%" after the field. */
export function PercentField({ value, onChange, slotProps, ...rest }: Base) {
  const { t } = useTranslation();
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      slotProps={{
        ...slotProps,
        htmlInput: { inputMode: 'decimal', ...(slotProps?.htmlInput as object) },
        input: { endAdornment: <InputAdornment position="end">{t('kit.percentSuffix')}</InputAdornment> },
      }}
    />
  );
}

export { parseKronorToOre, parsePercent, type ParsedNumber };
