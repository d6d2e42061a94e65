/**
 * Messages that cross the process boundary in Swedish (docs/product.md §4 rule 9) can also carry a key and
 * parameters, so the renderer shows them in the user's language: `{ key: 'validation.required' }`,
 * `{ key: 'journey.alreadyBooked' }`, `{ key: 'validation.tooLong', params: { max: 100 } }`. The Swedish text is
 * always sent as well and is what a screen shows when it does not know the key. Parameters are strings or numbers;
 * a translation may nest an enum label with `$t(enum.stage.{{to}})`.
 */
import { z } from 'zod';

export type MessageParams = Record<string, string | number>;
export interface MessageRef {
  key: string;
  params?: MessageParams;
}

export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export const messageRefSchema = z.object({ key: z.string(), params: messageParamsSchema.optional() });

/** The patterns of the shared date and time schemas (domain/common.ts), to name their problem. */
const DATE_PATTERN = String(/^\d{4}-\d{2}-\d{2}$/);
const DATE_TIME_PATTERN = String(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const TIME_PATTERN = String(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The issue as zod 4 reports it; only what the keys need. */
interface IssueLike {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  pattern?: string | RegExp;
  params?: Record<string, unknown>;
}

const n = (v: number | bigint | undefined): number => Number(v ?? 0);

/**
 * A key for a zod issue, for the common problems of a form field: missing, too long, too small or large, not a
 * whole number, not a date, not one of the choices. A refinement names its own key with `params: { key }`.
 * Anything else has no key (the Swedish message is shown).
 */
export function issueMessage(issue: IssueLike): MessageRef | undefined {
  const own = issue.params?.['key'];
  if (typeof own === 'string') {
    const params = issue.params?.['params'];
    return params && typeof params === 'object' ? { key: own, params: params as MessageParams } : { key: own };
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? { key: 'validation.integer' } : { key: 'validation.required' };
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && n(issue.minimum) <= 1)
        return { key: 'validation.required' };
      if (issue.origin === 'string') return { key: 'validation.tooShort', params: { min: n(issue.minimum) } };
      if (issue.origin === 'array') return { key: 'validation.tooFew', params: { min: n(issue.minimum) } };
      return { key: 'validation.min', params: { min: n(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max: n(issue.maximum) } };
      if (issue.origin === 'array') return { key: 'validation.tooMany', params: { max: n(issue.maximum) } };
      return { key: 'validation.max', params: { max: n(issue.maximum) } };
    case 'invalid_format': {
      const p = String(issue.pattern ?? '');
      if (p === DATE_PATTERN) return { key: 'validation.date' };
      if (p === DATE_TIME_PATTERN) return { key: 'validation.dateTime' };
      if (p === TIME_PATTERN) return { key: 'validation.time' };
      if (issue.format === 'email') return { key: 'validation.email' };
      return undefined;
    }
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'validation.choose' };
    default:
      return undefined;
  }
}
