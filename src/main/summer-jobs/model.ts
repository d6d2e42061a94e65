/**
 * The allocation instance of a summer-job season (docs/summer-jobs.md): the input of one allocation run, as the
 * service assembles it from the database and as `npm run -s allocate -- FILE` reads it from a JSON file.
 *
 * Ids may be strings or whole numbers (an application number); the engine compares them by their decimal or string
 * form (`String(id)`), so `7` and `"7"` are the same id and may not both occur. Output carries each id exactly as it
 * came in.
 *
 * The schema checks shape, types, dates and references (a slot names a known period, an applicant offers known
 * periods); the engine itself assumes a parsed instance.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../../shared/rules/dates';

export type EntityId = string | number;

const idSchema = z.union(
  [
    z.string({ error: 'måste vara en text eller ett heltal' }).trim().min(1, { error: 'får inte vara tomt' }).max(100),
    z.number({ error: 'måste vara en text eller ett heltal' }).int({ error: 'måste vara ett heltal' }).min(0),
  ],
  { error: 'måste vara en text eller ett heltal' },
);

const isoDate = z
  .string({ error: 'måste vara ett datum ÅÅÅÅ-MM-DD' })
  .refine(isValidIsoDate, { error: 'måste vara ett giltigt datum ÅÅÅÅ-MM-DD' });

const nonNegativeInt = z
  .number({ error: 'måste vara ett tal' })
  .int({ error: 'måste vara ett heltal' })
  .min(0, { error: 'får inte vara negativt' });

const hours = z
  .number({ error: 'måste vara ett tal' })
  .positive({ error: 'måste vara större än 0' })
  .max(24, { error: 'får vara högst 24' });

export const periodSchema = z.object(
  {
    id: idSchema,
    start: isoDate,
    /** Last day of the period (optional; the engine needs only the start). */
    end: isoDate.optional(),
  },
  { error: 'måste vara ett objekt { id, start }' },
);

export const positionSchema = z.object(
  {
    id: idSchema,
    area: z.string({ error: 'måste vara en text' }).trim().min(1, { error: 'får inte vara tomt' }).max(100),
    minAge: nonNegativeInt.max(100, { error: 'får vara högst 100' }),
    hoursPerDay: hours,
    /** Optional; without it the week is counted as five days of `hoursPerDay`. */
    hoursPerWeek: z.number({ error: 'måste vara ett tal' }).positive().max(168).optional(),
    childFacing: z.boolean({ error: 'måste vara true eller false' }),
    /** Places per period id (a period left out has none). */
    slots: z.record(z.string(), nonNegativeInt, { error: 'måste vara ett objekt { "<period-id>": antal }' }),
  },
  { error: 'måste vara ett objekt { id, area, minAge, hoursPerDay, childFacing, slots }' },
);

export const applicantSchema = z.object(
  {
    id: idSchema,
    birthDate: isoDate,
    /** Priority tier: 0 is allocated first. */
    tier: nonNegativeInt.max(1000, { error: 'får vara högst 1000' }),
    /** Wished areas, best first. */
    wishes: z.array(z.string({ error: 'måste vara en text' }).trim().min(1).max(100), {
      error: 'måste vara en lista med områden',
    }),
    anyArea: z.boolean({ error: 'måste vara true eller false' }),
    /** Periods the applicant can work (a set; the order carries no preference). */
    periods: z.array(idSchema, { error: 'måste vara en lista med period-id' }),
    /** Has shown an extract from the criminal-record register valid for the season (work with children). */
    recordShown: z.boolean({ error: 'måste vara true eller false' }),
  },
  { error: 'måste vara ett objekt { id, birthDate, tier, wishes, anyArea, periods, recordShown }' },
);

export const allocationInstanceSchema = z
  .object(
    {
      seed: z.string({ error: 'måste vara en text' }).min(1, { error: 'får inte vara tomt' }).max(500),
      referenceDate: isoDate,
      periods: z.array(periodSchema, { error: 'måste vara en lista med perioder' }).min(1, {
        error: 'minst en period behövs',
      }),
      positions: z.array(positionSchema, { error: 'måste vara en lista med platser' }),
      applicants: z.array(applicantSchema, { error: 'måste vara en lista med sökande' }),
    },
    { error: 'filen måste innehålla ett JSON-objekt med seed, referenceDate, periods, positions och applicants' },
  )
  .superRefine((inst, ctx) => {
    const periodKeys = new Set<string>();
    inst.periods.forEach((p, i) => {
      const key = String(p.id);
      if (periodKeys.has(key))
        ctx.addIssue({
          code: 'custom',
          message: `period-id ${key} förekommer flera gånger`,
          path: ['periods', i, 'id'],
        });
      periodKeys.add(key);
      if (p.end !== undefined && p.end < p.start) {
        ctx.addIssue({ code: 'custom', message: 'slutdatum före startdatum', path: ['periods', i, 'end'] });
      }
    });
    const positionKeys = new Set<string>();
    inst.positions.forEach((pos, i) => {
      const key = String(pos.id);
      if (positionKeys.has(key))
        ctx.addIssue({
          code: 'custom',
          message: `plats-id ${key} förekommer flera gånger`,
          path: ['positions', i, 'id'],
        });
      positionKeys.add(key);
      for (const periodKey of Object.keys(pos.slots)) {
        if (!periodKeys.has(periodKey)) {
          ctx.addIssue({
            code: 'custom',
            message: `okänd period ${periodKey}`,
            path: ['positions', i, 'slots', periodKey],
          });
        }
      }
    });
    const applicantKeys = new Set<string>();
    inst.applicants.forEach((a, i) => {
      const key = String(a.id);
      if (applicantKeys.has(key))
        ctx.addIssue({
          code: 'custom',
          message: `sökande-id ${key} förekommer flera gånger`,
          path: ['applicants', i, 'id'],
        });
      applicantKeys.add(key);
      const seenPeriods = new Set<string>();
      a.periods.forEach((p, j) => {
        const pk = String(p);
        if (!periodKeys.has(pk))
          ctx.addIssue({ code: 'custom', message: `okänd period ${pk}`, path: ['applicants', i, 'periods', j] });
        if (seenPeriods.has(pk))
          ctx.addIssue({
            code: 'custom',
            message: `perioden ${pk} anges två gånger`,
            path: ['applicants', i, 'periods', j],
          });
        seenPeriods.add(pk);
      });
      const seenWishes = new Set<string>();
      a.wishes.forEach((w, j) => {
        if (seenWishes.has(w))
          ctx.addIssue({
            code: 'custom',
            message: `området ${w} önskas två gånger`,
            path: ['applicants', i, 'wishes', j],
          });
        seenWishes.add(w);
      });
      if (a.wishes.length === 0 && !a.anyArea) {
        ctx.addIssue({
          code: 'custom',
          message: 'minst ett önskat område eller "vilket område som helst" behövs',
          path: ['applicants', i, 'wishes'],
        });
      }
    });
  });

export type AllocationPeriod = z.output<typeof periodSchema>;
export type AllocationPosition = z.output<typeof positionSchema>;
export type AllocationApplicant = z.output<typeof applicantSchema>;
export type AllocationInstance = z.output<typeof allocationInstanceSchema>;

/** One place given: applicant, position and period, as their ids came in. */
export type Assignment = { applicant: EntityId; position: EntityId; period: EntityId };

/**
 * The hours rules for minors (docs/product.md §4 rule 6), as data: the first rule whose `belowAge` is above the
 * applicant's age at the period's start applies. `maxPerWeek: null` means no weekly limit beyond the daily one.
 */
export type MinorHoursRule = { belowAge: number; maxPerDay: number; maxPerWeek: number | null };

/** Under 16: at most 7 hours a day; 16–17: at most 8 hours a day and 40 a week (docs/product.md §4 rule 6). */
export const DEFAULT_MINOR_HOURS_RULES: readonly MinorHoursRule[] = Object.freeze([
  { belowAge: 16, maxPerDay: 7, maxPerWeek: null },
  { belowAge: 18, maxPerDay: 8, maxPerWeek: 40 },
]);

export type AllocationOptions = {
  /** Defaults to DEFAULT_MINOR_HOURS_RULES; a season may set its own (sorted by `belowAge`). */
  minorHoursRules?: readonly MinorHoursRule[];
  /** Days per week used when a position has no `hoursPerWeek` (default 5). */
  daysPerWeek?: number;
};
