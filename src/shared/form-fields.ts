/**
 * What a form needs to know about each field of a procedure's input, read from its zod schema: the kind of value,
 * whether it is required, whether it may be cleared (null), its choices, its length limit and its Swedish label
 * (`.describe()`). The renderer's kit builds forms from this plus a small layout (src/renderer/components/form), so
 * a record's fields are listed once, in its schema (docs/product.md §3).
 */
import type { z } from 'zod';

export type BaseKind = 'text' | 'number' | 'boolean' | 'date' | 'enum' | 'enumList' | 'tags' | 'other';

export interface FieldInfo {
  name: string;
  kind: BaseKind;
  /** Must be given: not optional, not nullable, no default. */
  required: boolean;
  /** `null` clears the field (an update that sends null empties it, docs/product.md §4 rule 9). */
  nullable: boolean;
  /** The schema's Swedish label, from `.describe()`; the field's name when it has none. */
  label: string;
  /** The choices of an enum or of a list of enum values. */
  options?: readonly string[];
  /** Longest text allowed. */
  maxLength?: number;
  /** The schema's default, when it has one. */
  defaultValue?: unknown;
  integer?: boolean;
  min?: number;
  max?: number;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: Array<{
    _zod: {
      def: { check: string; pattern?: RegExp; maximum?: number; minimum?: number; value?: number; format?: string };
    };
  }>;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const DATE_PATTERN = String(/^\d{4}-\d{2}-\d{2}$/);

/** Reads one field's schema: wrappers (optional, nullable, default, pipe/transform) first, then its base type. */
export function fieldInfo(name: string, schema: z.ZodType): FieldInfo {
  let cur: z.ZodType | undefined = schema;
  let optional = false;
  let nullable = false;
  let label: string | undefined;
  let defaultValue: unknown;
  let hasDefault = false;
  for (let i = 0; i < 12 && cur; i++) {
    label ??= cur.description;
    const def = defOf(cur);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'default' || def.type === 'prefault') {
      hasDefault = true;
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
    } else if (def.type === 'pipe') {
      cur = def.in;
      continue;
    } else break;
    cur = def.innerType;
  }
  const info: FieldInfo = {
    name,
    kind: 'other',
    required: !optional && !nullable && !hasDefault,
    nullable,
    label: label ?? name,
  };
  if (hasDefault) info.defaultValue = defaultValue;
  if (!cur) return info;
  const def = defOf(cur);
  const checks = def.checks ?? [];
  const check = (kind: string) => checks.find((c) => c._zod.def.check === kind)?._zod.def;
  switch (def.type) {
    case 'string': {
      const format = check('string_format');
      info.kind = format?.pattern && String(format.pattern) === DATE_PATTERN ? 'date' : 'text';
      const max = check('max_length')?.maximum;
      if (max !== undefined) info.maxLength = max;
      break;
    }
    case 'number': {
      info.kind = 'number';
      info.integer = checks.some((c) => c._zod.def.check === 'number_format' && /int/.test(String(c._zod.def.format)));
      const min = check('greater_than')?.value;
      const max = check('less_than')?.value;
      if (min !== undefined) info.min = min;
      if (max !== undefined) info.max = max;
      break;
    }
    case 'boolean':
      info.kind = 'boolean';
      break;
    case 'enum':
      info.kind = 'enum';
      info.options = Object.values(def.entries ?? {});
      break;
    case 'array': {
      let el: z.ZodType | undefined = def.element;
      for (let i = 0; i < 6 && el; i++) {
        const d = defOf(el);
        if (d.type === 'enum') {
          info.kind = 'enumList';
          info.options = Object.values(d.entries ?? {});
          break;
        }
        if (d.type === 'string') {
          info.kind = 'tags';
          break;
        }
        el = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
      }
      break;
    }
    default:
      break;
  }
  return info;
}

/** The fields of an object schema, by name (wrappers such as `.default({})` are looked through). */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let cur: z.ZodType | undefined = schema;
  for (let i = 0; i < 8 && cur; i++) {
    const def = defOf(cur);
    if (def.type === 'object' && def.shape) return def.shape;
    cur = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  throw new Error('form-fields: not an object schema');
}

export function fieldInfos(schema: z.ZodType): Record<string, FieldInfo> {
  return Object.fromEntries(Object.entries(objectShape(schema)).map(([k, v]) => [k, fieldInfo(k, v)]));
}
