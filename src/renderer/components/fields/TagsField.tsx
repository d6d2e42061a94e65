import type { ReactNode } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';

/**
 * Free-text tags (languages, skills, interests): type and press Enter, or pick a suggestion. Text left in the box
 * is kept when the field loses focus, so nothing typed is lost; duplicates (ignoring case) are dropped.
 */
export function TagsField({
  label,
  value,
  onChange,
  suggestions = [],
  helperText,
  error,
  id,
}: {
  label: ReactNode;
  value: string[];
  onChange: (v: string[]) => void;
  suggestions?: readonly string[];
  helperText?: ReactNode;
  error?: boolean;
  id?: string;
}) {
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      id={id}
      options={suggestions as string[]}
      value={value}
      onChange={(_e, v) =>
        onChange(
          v
            .map((s) => s.trim())
            .filter((s, i, all) => s !== '' && all.findIndex((x) => x.toLowerCase() === s.toLowerCase()) === i),
        )
      }
      renderValue={(items, getItemProps) =>
        items.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option} {...itemProps} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error} />}
    />
  );
}

/** A text field with suggestions (a district, a caseworker's unit): any text is allowed, a suggestion saves typing. */
export function SuggestField({
  label,
  value,
  onChange,
  suggestions,
  helperText,
  error,
  required,
  disabled,
}: {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  suggestions: readonly string[];
  helperText?: ReactNode;
  error?: boolean;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <Autocomplete
      freeSolo
      autoSelect
      disabled={disabled}
      options={suggestions as string[]}
      value={value}
      onChange={(_e, v) => onChange(v ?? '')}
      onInputChange={(_e, v, reason) => reason === 'input' && onChange(v)}
      renderInput={(params) => (
        <TextField {...params} label={label} error={error} helperText={helperText} required={required} />
      )}
    />
  );
}
