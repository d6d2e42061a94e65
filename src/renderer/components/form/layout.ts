import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { EditValues } from './values';
import type { z } from 'zod';
import { fieldInfos, type FieldInfo } from '../../../shared/form-fields';
import type { EnumName } from '../../app/locales/enums';

/**
 * How a field is edited. Left out, it follows from the schema: text → `text`, number → `number`, boolean →
 * `checkbox`, 'YYYY-MM-DD' → `date`, enum → `select`, list of enum values → `checkboxes`, list of texts → `tags`.
 */
export type Widget =
  | 'text'
  | 'multiline'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'checkbox'
  | 'select'
  | 'radio'
  | 'checkboxes'
  | 'tags'
  | 'suggest'
  | 'custom';

export interface FieldLayout {
  name: string;
  widget?: Widget;
  /** Columns of 12 the field takes on a wide screen (default: the row shared equally). */
  width?: number;
  /** Input type of a text field (phone and e-mail keyboards, a password). */
  type?: 'tel' | 'email' | 'password';
  /** Minimum lines of a multiline field. */
  minRows?: number;
  /** Marked "Känsligt" (the social case, docs/product.md §1). */
  sensitive?: boolean;
  /** The enum whose labels name the choices of a select, radio or checkbox list (`enum.<name>.<value>`). */
  labels?: EnumName;
  /** A select's first choice when the field may be empty: an i18n key (default `kit.none` when the field is optional, none when it is required), or false for none. */
  emptyChoice?: string | false;
  /** Suggestions of a `tags` or `suggest` field. */
  suggestions?: readonly string[];
  /** The value the form sends when the field is left empty (default: null when the schema allows it). */
  emptyValue?: unknown;
  /** The field's value in a record whose shape differs from the input (e.g. `p.caseworker.name`). */
  from?: (record: Record<string, unknown>) => unknown;
  /** The field's value for a new record (default: the schema's default, else empty). */
  initial?: unknown;
  /** Checkbox choices show their value ("B") and are named by their label ("B (personbil)"). */
  compactChoices?: boolean;
  /** Decimals a number, money or percent field accepts (default: 0 for whole numbers, 2 for amounts). */
  decimals?: number;
  autoFocus?: boolean;
}

export interface SectionLayout {
  /** The section's key: its title is `fields.<form>.section.<key>` (and its heading id `sec-<key>`). */
  key: string;
  sensitive?: boolean;
  /** Rows of fields; a field is its name, or its name with options. */
  rows: ReadonlyArray<ReadonlyArray<string | FieldLayout>>;
}

export interface FormLayout<S extends z.ZodType = z.ZodType> {
  /** i18n namespace of the labels: `fields.<name>.<field>` (the schema's Swedish label is the fallback). */
  name: string;
  schema: S;
  sections: readonly SectionLayout[];
  /** Every field on the form, by name, with what the schema says of it. */
  fields: Readonly<Record<string, ResolvedField>>;
}

export interface ResolvedField extends FieldLayout {
  widget: Widget;
  info: FieldInfo;
  section: string;
}

function widgetOf(info: FieldInfo): Widget {
  switch (info.kind) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'date':
      return 'date';
    case 'enum':
      return 'select';
    case 'enumList':
      return 'checkboxes';
    case 'tags':
      return 'tags';
    default:
      return 'text';
  }
}

/**
 * A form described once: the procedure's input schema (fields, types, required, choices, Swedish labels) and where
 * each field goes. Adding an optional field to a record is one line here once the schema and the store have it.
 *
 *   export const workplaceForm = defineForm('workplace', workplaceInput, [
 *     { key: 'main', rows: [['name'], ['organisation', 'district'], ['address'], [{ name: 'notes', widget: 'multiline' }]] },
 *   ]);
 */
export function defineForm<S extends z.ZodType>(
  name: string,
  schema: S,
  sections: readonly SectionLayout[],
): FormLayout<S> {
  const infos = fieldInfos(schema);
  const fields: Record<string, ResolvedField> = {};
  for (const section of sections) {
    for (const row of section.rows) {
      for (const item of row) {
        const f: FieldLayout = typeof item === 'string' ? { name: item } : item;
        const info = infos[f.name];
        if (!info) throw new Error(`defineForm(${name}): ${f.name} is not a field of the schema`);
        fields[f.name] = {
          ...f,
          widget: f.widget ?? widgetOf(info),
          info,
          section: section.key,
          sensitive: f.sensitive ?? section.sensitive,
        };
      }
    }
  }
  return { name, schema, sections, fields };
}

/** A renderer for one field, replacing the default widget (e.g. the personnummer field with its live check). */
export type FieldRenderer = (props: FieldRenderProps) => ReactNode;
export interface FieldRenderProps {
  /** The whole form (a field with parts reads its parts' errors from it, e.g. `periods.1.startDate`). */
  form: UseFormReturn<EditValues>;
  field: ResolvedField;
  label: ReactNode;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  error: string | undefined;
  helperText: ReactNode;
  required: boolean;
  inputRef: (el: HTMLElement | null) => void;
}
