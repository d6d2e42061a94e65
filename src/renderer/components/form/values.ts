import {
  numberToText,
  oreToKronorText,
  parseKronorToOre,
  parsePercent,
  parseSwedishNumber,
  type ParsedNumber,
} from '../../../shared/rules/numbers';
import type { FormLayout, ResolvedField } from './layout';

/** What a widget holds while editing: text for typed numbers and amounts, arrays for lists, booleans. */
export type EditValue = string | boolean | string[] | unknown;
export type EditValues = Record<string, EditValue>;

/** A problem found before the schema sees the value (an amount that is not a number), with its key. */
export interface Problem {
  field: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** A stored value as its widget edits it. */
function toEdit(f: ResolvedField, v: unknown): EditValue {
  switch (f.widget) {
    case 'checkbox':
      return Boolean(v);
    case 'checkboxes':
    case 'tags':
      return Array.isArray(v) ? [...(v as unknown[])].map(String) : [];
    case 'money':
      return typeof v === 'number' ? oreToKronorText(v) : '';
    case 'percent':
    case 'number':
      return typeof v === 'number' ? numberToText(v) : '';
    case 'custom':
      return v;
    default:
      return v === null || v === undefined ? '' : String(v);
  }
}

/**
 * The form's starting values: from the record being edited (by field name, or the layout's `from`), else the
 * caller's `defaults`, the layout's `initial`, the schema's default, or empty.
 */
export function initialValues(
  layout: FormLayout,
  record?: Record<string, unknown> | null,
  defaults: Record<string, unknown> = {},
): EditValues {
  const out: EditValues = {};
  for (const f of Object.values(layout.fields)) {
    let v: unknown;
    if (record) v = f.from ? f.from(record) : record[f.name];
    else if (Object.hasOwn(defaults, f.name)) v = defaults[f.name];
    else if (f.initial !== undefined) v = f.initial;
    else v = f.info.defaultValue;
    out[f.name] = toEdit(f, v);
  }
  return out;
}

const isEmpty = (v: EditValue): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The value sent for an empty field: the layout's choice, null when the schema may be cleared, else nothing. */
function emptyOf(f: ResolvedField): unknown {
  if (Object.hasOwn(f, 'emptyValue')) return f.emptyValue;
  return f.info.nullable ? null : undefined;
}

function fromParsed(f: ResolvedField, r: ParsedNumber, problems: Problem[], label: string): unknown {
  if (!r.ok) {
    problems.push({
      field: f.name,
      message:
        r.problem === 'tooManyDecimals'
          ? `${label}: för många decimaler`
          : `${label}: ange ett tal, till exempel 24 300 eller 24 300,50`,
      key: `validation.${r.problem}`,
    });
    return undefined;
  }
  return r.value === null ? emptyOf(f) : r.value;
}

/**
 * The procedure's input from the form's values: texts trimmed, an empty optional field as null (so an update
 * clears it) or left out, typed numbers and amounts read the Swedish way (öre for money). A required field left
 * empty is reported here with the schema's label, so the message says which field.
 */
export function toInput(
  layout: FormLayout,
  values: EditValues,
  labelOf: (f: ResolvedField) => string,
  hidden: ReadonlySet<string> = new Set(),
) {
  const input: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const f of Object.values(layout.fields)) {
    if (hidden.has(f.name)) continue;
    const v = values[f.name];
    const label = labelOf(f);
    // A required choice of an enum is left to the schema, whose message says what to choose ("Välj anställningsform").
    const enumChoice = (f.widget === 'select' || f.widget === 'radio') && f.info.kind === 'enum';
    if (f.info.required && isEmpty(v) && f.widget !== 'checkbox' && f.widget !== 'custom' && !enumChoice) {
      problems.push({ field: f.name, message: `${f.info.label} måste anges`, key: 'validation.required' });
      continue;
    }
    let out: unknown;
    switch (f.widget) {
      case 'checkbox':
        out = Boolean(v);
        break;
      case 'checkboxes':
      case 'tags':
        out = Array.isArray(v) ? v : [];
        break;
      case 'custom':
        out = v;
        break;
      case 'money':
        out = fromParsed(f, parseKronorToOre(String(v ?? '')), problems, label);
        break;
      case 'percent':
        out = fromParsed(f, parsePercent(String(v ?? ''), f.decimals ?? (f.info.integer ? 0 : 2)), problems, label);
        break;
      case 'number':
        out = fromParsed(
          f,
          parseSwedishNumber(String(v ?? ''), { maxDecimals: f.decimals ?? (f.info.integer ? 0 : 2) }),
          problems,
          label,
        );
        break;
      case 'select':
      case 'radio':
        if (isEmpty(v)) out = emptyOf(f);
        else out = f.info.kind === 'number' ? Number(v) : v;
        break;
      default: {
        const s = typeof v === 'string' ? v.trim() : v;
        out = isEmpty(s) ? emptyOf(f) : s;
      }
    }
    if (out !== undefined) input[f.name] = out;
  }
  return { input, problems };
}
