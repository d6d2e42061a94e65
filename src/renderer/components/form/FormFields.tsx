import { createContext, useContext, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SensitiveLabel } from '../Sensitive';
import { Section } from '../Section';
import { useLabel } from '../labels';
import type { EnumName } from '../../app/locales/enums';
import type { FieldRenderer, SectionLayout } from './layout';
import type { SchemaForm } from './useSchemaForm';
import { FieldWidget, type Choice } from './FieldWidget';

export type { Choice } from './FieldWidget';

interface Ctx {
  sf: SchemaForm<unknown>;
  /** Choices of fields whose values come from data (coordinators, subsidy types), by field name. */
  choices: Record<string, readonly Choice[]>;
  /** Helper texts by field name (default: `fields.<form>.<field>Help` when it exists). */
  help: Record<string, ReactNode>;
  render: Record<string, FieldRenderer>;
  disabled: Record<string, boolean>;
}
const FormCtx = createContext<Ctx | null>(null);

export interface FormBodyProps {
  form: SchemaForm<unknown> | SchemaForm<never> | SchemaForm<object>;
  choices?: Record<string, readonly Choice[]>;
  help?: Record<string, ReactNode>;
  render?: Record<string, FieldRenderer>;
  disabled?: Record<string, boolean>;
  children: ReactNode;
}

/** Gives the fields inside it their form: `<FormBody form={sf}><FormSections /></FormBody>`. */
export function FormBody({ form, choices = {}, help = {}, render = {}, disabled = {}, children }: FormBodyProps) {
  return (
    <FormCtx.Provider value={{ sf: form as SchemaForm<unknown>, choices, help, render, disabled }}>
      {children}
    </FormCtx.Provider>
  );
}

function useFormCtx(): Ctx {
  const c = useContext(FormCtx);
  if (!c) throw new Error('A form field outside <FormBody>');
  return c;
}

/**
 * The layout's sections, each as a titled region (`variant="paper"`, for pages) or a sub-heading (`"plain"`, for
 * dialogs). `only` shows some sections (the rest can be placed by the page with `<FormSection>`).
 */
export function FormSections({ variant = 'paper', only }: { variant?: 'paper' | 'plain'; only?: readonly string[] }) {
  const { sf } = useFormCtx();
  return (
    <>
      {sf.layout.sections
        .filter((s) => !only || only.includes(s.key))
        .map((s) => (
          <FormSection key={s.key} section={s} variant={variant} />
        ))}
    </>
  );
}

export function FormSection({
  section,
  variant = 'paper',
  lead,
  children,
}: {
  section: SectionLayout | string;
  variant?: 'paper' | 'plain';
  lead?: ReactNode;
  /** Shown after the section's fields (a computed end date, a note). */
  children?: ReactNode;
}) {
  const { sf } = useFormCtx();
  const { t } = useTranslation();
  const s = typeof section === 'string' ? sf.layout.sections.find((x) => x.key === section) : section;
  if (!s) return null;
  // A section whose every field is hidden is left out.
  if (s.rows.every((r) => r.every((x) => sf.hidden.includes(typeof x === 'string' ? x : x.name)))) return null;
  const title = t(`fields.${sf.layout.name}.section.${s.key}`, { defaultValue: '' });
  const body = (
    <>
      <FormRows rows={s.rows} />
      {children && <Box sx={{ mt: 2 }}>{children}</Box>}
    </>
  );
  if (variant === 'plain') {
    return (
      <Stack spacing={2} component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
        {title && (
          <Typography component="legend" variant="h4" sx={{ mb: 2, p: 0 }}>
            {title}
          </Typography>
        )}
        {body}
      </Stack>
    );
  }
  return (
    <Section title={title} lead={lead} sensitive={s.sensitive} id={`sec-${s.key}`}>
      {body}
    </Section>
  );
}

function FormRows({ rows }: { rows: SectionLayout['rows'] }) {
  const { sf } = useFormCtx();
  return (
    <Grid container spacing={2}>
      {rows.map((row, i) =>
        row.map((item) => {
          const name = typeof item === 'string' ? item : item.name;
          if (sf.hidden.includes(name)) return null;
          const f = sf.layout.fields[name]!;
          const shown = row.filter((x) => !sf.hidden.includes(typeof x === 'string' ? x : x.name)).length;
          const width = f.width ?? Math.max(1, Math.floor(12 / Math.max(1, shown)));
          return (
            <Grid key={`${i}-${name}`} size={{ xs: 12, md: width }}>
              <FormField name={name} />
            </Grid>
          );
        }),
      )}
    </Grid>
  );
}

/** One field of the form, with the widget its schema and layout call for. */
export function FormField({ name }: { name: string }) {
  const { sf, choices, help, render, disabled } = useFormCtx();
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const f = sf.layout.fields[name];
  if (!f) throw new Error(`FormField: ${name} is not on the form ${sf.layout.name}`);
  const text = sf.labelOf(f);
  const shownLabel = f.sensitive ? <SensitiveLabel>{text}</SensitiveLabel> : text;
  const helpKey = `fields.${sf.layout.name}.${f.name}Help`;
  const defaultHelp = help[f.name] ?? (i18n.exists(helpKey) ? t(helpKey) : undefined);
  const required = f.info.required;
  const enumChoices = (): readonly Choice[] =>
    choices[f.name] ??
    (f.info.options ?? []).map((v) => ({ value: v, label: f.labels ? label(f.labels as EnumName, v as never) : v }));

  return (
    <Controller
      control={sf.form.control}
      name={f.name}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message || undefined;
        const hasError = Boolean(fieldState.error);
        const helperText = error ?? defaultHelp;
        const custom = render[f.name];
        if (custom) {
          return (
            <>
              {custom({
                form: sf.form,
                field: f,
                label: shownLabel,
                value: field.value,
                onChange: field.onChange,
                onBlur: field.onBlur,
                error,
                helperText,
                required,
                inputRef: field.ref,
              })}
            </>
          );
        }
        return (
          <FieldWidget
            f={f}
            field={field}
            formName={sf.layout.name}
            label={shownLabel}
            required={required}
            error={hasError}
            helperText={helperText}
            disabled={disabled[f.name] ?? false}
            choices={enumChoices()}
            suggestions={choices[f.name]?.map((c) => c.value) ?? f.suggestions ?? []}
          />
        );
      }}
    />
  );
}
