import { z } from 'zod';

z.config(z.locales.sv());

/** 'YYYY-MM-DD' local calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datum som ÅÅÅÅ-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'Datumet finns inte', params: { key: 'validation.noSuchDate' } });

/** 'YYYY-MM-DDTHH:MM' local Europe/Stockholm time. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Ange tid som ÅÅÅÅ-MM-DD TT:MM');

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange klockslag som TT:MM');

/** A trimmed, non-empty text with a Swedish label used in error messages. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} måste anges` })
    .trim()
    .min(1, `${label} måste anges`)
    .max(max, `${label} får vara högst ${max} tecken`)
    .describe(label);

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .describe(label);

export const id = z.number().int().positive();
export const idInput = z.object({ id: id.describe('Id') });

export const pageInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const ok = z.object({ ok: z.literal(true) });
