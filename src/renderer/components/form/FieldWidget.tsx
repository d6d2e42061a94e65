import type { ReactNode } from 'react';
import type { ControllerRenderProps, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { DateField } from '../fields/DateField';
import { MoneyField, PercentField } from '../fields/NumberFields';
import { SuggestField, TagsField } from '../fields/TagsField';
import type { ResolvedField } from './layout';

export interface Choice {
  value: string;
  label: ReactNode;
}

/** The widget of one form field, chosen by its schema type and its layout (FormField gives it the state). */
export function FieldWidget({
  f,
  field,
  formName,
  label,
  required,
  error: hasError,
  helperText,
  disabled,
  choices,
  suggestions,
}: {
  f: ResolvedField;
  field: ControllerRenderProps<FieldValues, string>;
  formName: string;
  label: ReactNode;
  required: boolean;
  error: boolean;
  helperText: ReactNode;
  disabled: boolean;
  choices: readonly Choice[];
  suggestions: readonly string[];
}) {
  const { t } = useTranslation();
  const common = { label, required, error: hasError, disabled };
  switch (f.widget) {
    case 'date':
      return (
        <DateField
          {...common}
          value={field.value as string}
          onChange={field.onChange}
          onBlur={field.onBlur}
          helperText={helperText}
          autoFocus={f.autoFocus}
        />
      );
    case 'money':
      return (
        <MoneyField
          {...common}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          helperText={helperText}
        />
      );
    case 'percent':
      return (
        <PercentField
          {...common}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          helperText={helperText}
        />
      );
    case 'checkbox':
      return (
        <Box>
          <FormControlLabel
            label={label}
            disabled={common.disabled}
            control={
              <Checkbox
                checked={Boolean(field.value)}
                onChange={(e) => field.onChange(e.target.checked)}
                slotProps={{ input: { ref: field.ref } }}
              />
            }
          />
          {helperText && (
            <FormHelperText error={hasError} sx={{ mt: -0.5, ml: 4 }}>
              {helperText}
            </FormHelperText>
          )}
        </Box>
      );
    case 'select': {
      const empty = f.emptyChoice === undefined ? (required ? false : 'kit.none') : f.emptyChoice;
      return (
        <TextField
          {...common}
          select
          value={String(field.value ?? '')}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          inputRef={field.ref}
          helperText={helperText}
          slotProps={empty ? { select: { displayEmpty: true }, inputLabel: { shrink: true } } : undefined}
        >
          {empty && <MenuItem value="">{t(empty)}</MenuItem>}
          {choices.map((c) => (
            <MenuItem key={c.value} value={c.value}>
              {c.label}
            </MenuItem>
          ))}
        </TextField>
      );
    }
    case 'radio':
      return (
        <FormControl error={hasError} required={required} disabled={common.disabled}>
          <FormLabel id={`lbl-${formName}-${f.name}`}>{label}</FormLabel>
          <RadioGroup
            aria-labelledby={`lbl-${formName}-${f.name}`}
            value={String(field.value ?? '')}
            onChange={(e) => field.onChange(e.target.value)}
          >
            {choices.map((c) => (
              <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} />
            ))}
          </RadioGroup>
          {helperText && <FormHelperText>{helperText}</FormHelperText>}
        </FormControl>
      );
    case 'checkboxes': {
      const selected = (field.value as string[]) ?? [];
      return (
        <FormControl component="fieldset" error={hasError} disabled={common.disabled}>
          <FormLabel component="legend">{label}</FormLabel>
          <FormGroup row>
            {choices.map((c) => (
              <FormControlLabel
                key={c.value}
                label={f.compactChoices ? c.value : c.label}
                sx={f.compactChoices ? undefined : { minWidth: 260 }}
                control={
                  <Checkbox
                    {...(f.compactChoices && typeof c.label === 'string'
                      ? { slotProps: { input: { 'aria-label': c.label, title: c.label } } }
                      : {})}
                    checked={selected.includes(c.value)}
                    onChange={(e) =>
                      field.onChange(e.target.checked ? [...selected, c.value] : selected.filter((x) => x !== c.value))
                    }
                  />
                }
              />
            ))}
          </FormGroup>
          {helperText && <FormHelperText>{helperText}</FormHelperText>}
        </FormControl>
      );
    }
    case 'tags':
      return (
        <TagsField
          label={label}
          value={(field.value as string[]) ?? []}
          onChange={field.onChange}
          suggestions={f.suggestions ?? []}
          helperText={helperText}
          error={hasError}
        />
      );
    case 'suggest':
      return (
        <SuggestField
          {...common}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          suggestions={suggestions}
          helperText={helperText}
        />
      );
    default:
      return (
        <TextField
          {...common}
          value={String(field.value ?? '')}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          inputRef={field.ref}
          helperText={helperText}
          autoComplete="off"
          autoFocus={f.autoFocus}
          {...(f.type ? { type: f.type } : {})}
          {...(f.widget === 'multiline' ? { multiline: true, minRows: f.minRows ?? 3 } : {})}
          {...(f.widget === 'number' ? { slotProps: { htmlInput: { inputMode: 'numeric' } } } : {})}
        />
      );
  }
}
