import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path, type UseFormReturn, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { issueMessage } from '../../../shared/messages';
import { RpcClientError } from '../../api/client';
import { useMessage, type Translatable } from '../labels';
import type { FormLayout, ResolvedField } from './layout';
import { initialValues, toInput, type EditValues, type Problem } from './values';

export interface SchemaForm<Out> {
  layout: FormLayout;
  form: UseFormReturn<EditValues>;
  /**
   * The form's onSubmit: reads, checks against the schema, sends; problems land on their fields. `more` is added
   * to the request (a second submit button's flag, e.g. "save and mark as mapped").
   */
  submit: (e?: FormEvent | null, more?: Record<string, unknown>) => Promise<void>;
  /** A problem that belongs to no field on the form (a rule refusal, a field the form does not show). */
  pageError: unknown;
  setPageError: (e: unknown) => void;
  busy: boolean;
  /** The label of a field in the user's language. */
  labelOf: (f: ResolvedField) => string;
  /** The current value of a field (re-renders on change). */
  watch: (name: string) => unknown;
  /** The fields hidden by the current values. */
  hidden: readonly string[];
  /** Used by the typed `Out`. */
  readonly _out?: Out;
}

export interface SchemaFormOptions<LS extends z.ZodType, S extends z.ZodType, Out> {
  layout: FormLayout<LS>;
  /** The schema the request is checked against (default: the layout's; an update form passes the update schema). */
  schema?: S;
  /** The record being edited (its fields by name, or each field's `from`). */
  record?: Record<string, unknown> | null;
  /** Starting values of a new record. */
  defaults?: Record<string, unknown>;
  /** Added to the request as they are (the record's id, the updatedAt it was loaded with). */
  extra?: Record<string, unknown> | (() => Record<string, unknown>);
  /** Rules across fields that the schema alone does not check (the same function the service uses). */
  check?: (parsed: z.output<S>) => Array<{ field: string; message: string }>;
  /** Changes the request before it is checked (e.g. a summer job sends periods instead of dates). */
  adjust?: (input: Record<string, unknown>, values: EditValues) => Record<string, unknown>;
  /** Sends the checked request; a refusal from the main process is shown on its field or above the form. */
  send: (input: z.output<S>) => Promise<Out>;
  onDone?: (out: Out) => void;
  /** Server field names that are another form field's (e.g. monthlySalaryOre → monthlySalary). */
  fieldMap?: Record<string, string>;
  /** Fields not shown now (and not sent), by the current values (e.g. a summer job has periods, not dates). */
  hidden?: (values: EditValues) => readonly string[];
}

/**
 * One hook for a form built from a schema and a layout (see `defineForm`): react-hook-form holding the values, the
 * schema checking them before anything is sent (the same schema the main process checks), and errors from either
 * side on the field they name.
 */
export function useSchemaForm<LS extends z.ZodType, Out, S extends z.ZodType = LS>(
  opts: SchemaFormOptions<LS, S, Out>,
): SchemaForm<Out> {
  const { t } = useTranslation();
  const message = useMessage();
  const layout = opts.layout as FormLayout;
  const schema = (opts.schema ?? layout.schema) as S;
  // The values the form starts from are read once (a form is re-mounted with a key to start again).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const defaultValues = useMemo(() => initialValues(layout, opts.record, opts.defaults), []);
  const form = useForm<EditValues>({ defaultValues });
  const [pageError, setPageError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const labelOf = useCallback(
    (f: ResolvedField) => t(`fields.${layout.name}.${f.name}`, { defaultValue: f.info.label }),
    [t, layout.name],
  );

  const submit = async (e?: FormEvent | null, more: Record<string, unknown> = {}) => {
    e?.preventDefault();
    setPageError(null);
    form.clearErrors();
    const values = form.getValues();
    const read = toInput(layout, values, labelOf, new Set(opts.hidden?.(values) ?? []));
    const extra = { ...(typeof opts.extra === 'function' ? opts.extra() : (opts.extra ?? {})), ...more };
    const input = opts.adjust ? opts.adjust({ ...read.input, ...extra }, values) : { ...read.input, ...extra };
    const problems: Problem[] = [...read.problems];
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const ref = issueMessage(issue as never);
        problems.push({ field: issue.path.map(String).join('.'), message: issue.message, ...(ref ?? {}) });
      }
    } else if (opts.check) {
      problems.push(...opts.check(parsed.data as z.output<S>));
    }
    if (problems.length > 0 || !parsed.success) {
      const leftover = placeProblems(problems, layout, form.setError, message, opts.fieldMap);
      if (leftover) setPageError(leftover);
      focusFirstError(form, problems, layout);
      return;
    }
    setBusy(true);
    try {
      const out = await opts.send(parsed.data as z.output<S>);
      opts.onDone?.(out);
    } catch (err) {
      setPageError(serverErrorToForm(err, layout, form.setError, message, opts.fieldMap));
    } finally {
      setBusy(false);
    }
  };

  const watched = form.watch();
  const hidden = opts.hidden ? opts.hidden(watched) : [];
  return { layout, form, submit, pageError, setPageError, busy, labelOf, watch: (name) => form.watch(name), hidden };
}

/** Puts each problem on its field (the first per field); returns the first that has no field on the form. */
function placeProblems(
  problems: readonly Problem[],
  layout: FormLayout,
  setError: UseFormSetError<EditValues>,
  message: (m: Translatable) => string,
  fieldMap: Record<string, string> = {},
): Translatable | null {
  const seen = new Set<string>();
  let leftover: Translatable | null = null;
  for (const p of problems) {
    const field = fieldOnForm(p.field, layout, fieldMap);
    if (field === null) {
      leftover ??= p;
      continue;
    }
    if (seen.has(field)) continue;
    seen.add(field);
    setError(field as Path<EditValues>, { type: 'client', message: message(p) });
  }
  return leftover;
}

/** The form field a problem's path names: itself, its first segment, or the mapped name; null if not on the form. */
function fieldOnForm(path: string, layout: FormLayout, fieldMap: Record<string, string>): string | null {
  const mapped = fieldMap[path] ?? path;
  if (layout.fields[mapped]) return mapped;
  const first = mapped.split('.')[0] ?? '';
  if (layout.fields[first]?.widget === 'custom') return mapped; // a custom field with its own sub-fields
  if (layout.fields[fieldMap[first] ?? first]) return fieldMap[first] ?? first;
  return null;
}

function focusFirstError(form: UseFormReturn<EditValues>, problems: readonly Problem[], layout: FormLayout) {
  const first = problems.map((p) => p.field.split('.')[0] ?? '').find((f) => layout.fields[f]);
  if (first) {
    try {
      form.setFocus(first);
    } catch {
      // a widget without a focusable input (a checkbox list): nothing to focus
    }
  }
}

/**
 * A refusal from the main process on the form: a VALIDATION error with a field on the form goes to that field; a
 * rule refusal (RULE, CONFLICT …) is returned for the alert above the form (its field, if any, is marked too).
 * Returns what the page alert should show (null when it went to a field).
 */
export function serverErrorToForm<T extends FieldValues>(
  error: unknown,
  layout: Pick<FormLayout, 'fields'> | readonly string[],
  setError: UseFormSetError<T>,
  message: (m: Translatable) => string,
  fieldMap: Record<string, string> = {},
): unknown {
  if (error instanceof RpcClientError && error.field) {
    const mapped = fieldMap[error.field] ?? error.field;
    const known = Array.isArray(layout)
      ? layout.includes(mapped)
      : Boolean((layout as FormLayout).fields[mapped.split('.')[0] ?? '']);
    if (known) {
      if (error.code === 'VALIDATION') {
        setError(mapped as Path<T>, { type: 'server', message: message(error) });
        return null;
      }
      setError(mapped as Path<T>, { type: 'server', message: '' });
    }
  }
  return error;
}
