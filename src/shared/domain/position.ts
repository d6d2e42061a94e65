import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';
import {
  LICENCE_CLASSES,
  SWEDISH_LEVELS,
  licenceClassSchema,
  swedishLevelSchema,
  type LicenceClass,
  type SwedishLevel,
} from './participant';

// Swedish levels and licence classes are the participant's (shared/domain/participant.ts); a position's
// requirements use the same values.
export {
  LICENCE_CLASSES,
  LICENCE_CLASS_LABELS,
  SWEDISH_LEVELS,
  SWEDISH_LEVEL_LABELS,
  licenceClassSchema,
  swedishLevelSchema,
} from './participant';
export type { LicenceClass, SwedishLevel } from './participant';

/**
 * Workplaces and positions (placeringsplatser), docs/product.md §3.
 *
 * A position belongs to a workplace, has a kind, tasks written so the union can judge that the work is not an
 * ordinary job, requirements, hours (percent of full time), slots and a period. Summer-job positions instead carry
 * periods (usually three 3-week periods) with slots per period. Free slots are always computed from placements and
 * proposals (see src/main/services/positions/slots.ts), never stored.
 */

export const POSITION_KINDS = [
  'bicycle_workshop',
  'carpentry',
  'second_hand',
  'handyman',
  'cleaning',
  'municipal_department',
  'summer_job',
] as const;
export const positionKindSchema = z.enum(POSITION_KINDS, { error: 'Välj en typ av placering' }).describe('Typ');
export type PositionKind = z.infer<typeof positionKindSchema>;

export const POSITION_KIND_LABELS: Record<PositionKind, string> = {
  bicycle_workshop: 'Cykelverkstad',
  carpentry: 'Snickeri',
  second_hand: 'Second hand',
  handyman: 'Fixartjänst',
  cleaning: 'Städorganisationen',
  municipal_department: 'Kommunal förvaltning',
  summer_job: 'Feriearbete',
};

export const EMPLOYMENT_FORMS = ['work_training', 'subsidised_employment', 'summer_job'] as const;
export const employmentFormSchema = z
  .enum(EMPLOYMENT_FORMS, { error: 'Välj anställningsform' })
  .describe('Anställningsform');
export type EmploymentForm = z.infer<typeof employmentFormSchema>;

export const EMPLOYMENT_FORM_LABELS: Record<EmploymentForm, string> = {
  work_training: 'Arbetsträning utan anställning',
  subsidised_employment: 'Anställning med lönestöd',
  summer_job: 'Feriearbete',
};

/** docs/product.md §3: union review is required by default for employment (not for work training without employment). */
export function defaultUnionReviewRequired(form: EmploymentForm): boolean {
  return form !== 'work_training';
}

export const PHYSICAL_DEMANDS = ['low', 'medium', 'high'] as const;
export const physicalDemandsSchema = z.enum(PHYSICAL_DEMANDS, { error: 'Välj fysiska krav' }).describe('Fysiska krav');
export type PhysicalDemands = z.infer<typeof physicalDemandsSchema>;

export const PHYSICAL_DEMANDS_LABELS: Record<PhysicalDemands, string> = {
  low: 'Låga (mest stillasittande eller lätt arbete)',
  medium: 'Medel (går och står, lyft upp till 10 kg)',
  high: 'Höga (tunga lyft, mycket rörelse)',
};

/**
 * Skill tags used by the position catalogue (suggestions for the position and mapping forms, so that participants'
 * skills and positions' skills use the same words; matching compares them ignoring case).
 */
export const SKILL_SUGGESTIONS = [
  'cykelreparation',
  'verktygshantering',
  'snickeri',
  'träbearbetning',
  'möbelrenovering',
  'målning',
  'montering',
  'enklare reparationer',
  'sortering',
  'prismärkning',
  'kassa',
  'försäljning',
  'kundservice',
  'lagerarbete',
  'flyttarbete',
  'städning',
  'lokalvård',
  'disk',
  'kök',
  'matlagning',
  'livsmedelshantering',
  'servering',
  'tvätt',
  'trädgård',
  'skötsel av utemiljö',
  'barnomsorg',
  'äldreomsorg',
  'datorvana',
  'idrott',
] as const;

/** A Swedish level's place in SWEDISH_LEVELS (0 = SFI A … 5 = native); -1 for none or an unknown value. */
export function swedishLevelRankOf(level: string | null | undefined): number {
  if (!level) return -1;
  return (SWEDISH_LEVELS as readonly string[]).indexOf(level);
}

/** Levels that meet a minimum level (used both in SQL prefilters and in the scoring engine). */
export function levelsMeeting(min: SwedishLevel): SwedishLevel[] {
  return SWEDISH_LEVELS.slice(swedishLevelRankOf(min));
}

/**
 * Which classes a licence class also entitles to (Transportstyrelsen's rules, simplified to what matters for
 * placements): A covers A2/A1/AM, B covers AM, BE covers B, C covers C1, CE covers C1E/BE/C, D covers D1, DE covers
 * D1E/BE/D. Holding C, D or their sub-classes requires B, so they also cover B.
 */
const LICENCE_COVERS: Record<LicenceClass, readonly LicenceClass[]> = {
  AM: [],
  A1: ['AM'],
  A2: ['A1', 'AM'],
  A: ['A2', 'A1', 'AM'],
  B: ['AM'],
  BE: ['B', 'AM'],
  C1: ['B', 'AM'],
  C1E: ['C1', 'BE', 'B', 'AM'],
  C: ['C1', 'B', 'AM'],
  CE: ['C', 'C1', 'C1E', 'BE', 'B', 'AM'],
  D1: ['B', 'AM'],
  D1E: ['D1', 'BE', 'B', 'AM'],
  D: ['D1', 'B', 'AM'],
  DE: ['D', 'D1', 'D1E', 'BE', 'B', 'AM'],
};

/** All classes a set of held licence classes entitles to (unknown strings are ignored). */
export function licenceClosure(held: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of held) {
    const c = raw.trim().toUpperCase() as LicenceClass;
    if (!(c in LICENCE_COVERS)) continue;
    out.add(c);
    for (const sub of LICENCE_COVERS[c]) out.add(sub);
  }
  return out;
}

/** The classes that satisfy a requirement of `required` (used in SQL prefilters). */
export function licencesSatisfying(required: LicenceClass): LicenceClass[] {
  return LICENCE_CLASSES.filter((c) => c === required || LICENCE_COVERS[c].includes(required));
}

/**
 * Districts of Borås (the same names as the participant's district suggestions) with approximate centre
 * coordinates (WGS84), used for the commute criterion of matching.
 * The coordinates are rough centres, good to a kilometre: enough to tell "next door" from "across town".
 */
export const DISTRICT_COORDINATES: Readonly<Record<string, { lat: number; lon: number }>> = {
  Centrum: { lat: 57.721, lon: 12.9401 },
  Norrby: { lat: 57.7345, lon: 12.926 },
  Hässleholmen: { lat: 57.716, lon: 12.979 },
  Hulta: { lat: 57.733, lon: 12.976 },
  Sjöbo: { lat: 57.748, lon: 12.953 },
  Brämhult: { lat: 57.735, lon: 13.007 },
  Göta: { lat: 57.708, lon: 12.933 },
  Trandared: { lat: 57.705, lon: 12.925 },
  Byttorp: { lat: 57.707, lon: 12.955 },
  Norrmalm: { lat: 57.729, lon: 12.945 },
  Östermalm: { lat: 57.7215, lon: 12.956 },
  Druvefors: { lat: 57.727, lon: 12.919 },
  Kristineberg: { lat: 57.713, lon: 12.965 },
  Tosseryd: { lat: 57.749, lon: 12.977 },
  Gånghester: { lat: 57.7, lon: 13.025 },
  Fristad: { lat: 57.826, lon: 13.008 },
  Sandared: { lat: 57.71, lon: 12.79 },
  Sjömarken: { lat: 57.714, lon: 12.833 },
  Dalsjöfors: { lat: 57.714, lon: 13.085 },
  Viskafors: { lat: 57.627, lon: 12.855 },
  Svaneholm: { lat: 57.66, lon: 12.9 },
  Rydboholm: { lat: 57.664, lon: 12.887 },
  Borgstena: { lat: 57.878, lon: 13.015 },
  Bredared: { lat: 57.833, lon: 12.824 },
  Målsryd: { lat: 57.727, lon: 13.046 },
};

/** Straight-line distance in km between two districts, or null if either is unknown. */
export function districtDistanceKm(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  const p = DISTRICT_COORDINATES[normaliseDistrict(a)];
  const q = DISTRICT_COORDINATES[normaliseDistrict(b)];
  if (!p || !q) return null;
  const rad = Math.PI / 180;
  const dLat = (q.lat - p.lat) * rad;
  const dLon = (q.lon - p.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const DISTRICT_KEYS = new Map(Object.keys(DISTRICT_COORDINATES).map((k) => [k.toLowerCase(), k]));
/** "  norrby " → "Norrby"; unknown names are returned trimmed. */
export function normaliseDistrict(name: string): string {
  const t = name.trim();
  return DISTRICT_KEYS.get(t.toLowerCase()) ?? t;
}

// ---------------------------------------------------------------------------------------------------------------
// Records as the API returns them

export const workplaceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  organisation: z.string().nullable(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** Number of active positions at the workplace. */
  activePositions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workplace = z.infer<typeof workplaceSchema>;

/**
 * Occupancy of a position (or of one of its periods), computed, never stored:
 * - placed: placements with status 'active' overlapping the position's (or period's) dates;
 * - reserved: proposals that hold a slot while they wait for or have passed union review — status 'submitted',
 *   'deferred' or 'approved' — and have not yet become a placement;
 * - free = max(0, slots − placed − reserved);
 * - drafts: the coordinators' draft proposals. They do not hold a slot (a draft is a working note), but the global
 *   suggestion leaves them room: it offers at most free − drafts slots so that accepting part of a suggestion and
 *   running it again does not hand the same slot out twice.
 */
export const occupancySchema = z.object({
  slots: z.number().int(),
  placed: z.number().int(),
  reserved: z.number().int(),
  drafts: z.number().int(),
  free: z.number().int(),
});
export type Occupancy = z.infer<typeof occupancySchema>;

export const positionPeriodSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  slots: z.number().int(),
  occupancy: occupancySchema,
});
export type PositionPeriod = z.infer<typeof positionPeriodSchema>;

export const positionSchema = z.object({
  id: z.number().int(),
  workplaceId: z.number().int(),
  workplaceName: z.string(),
  organisation: z.string().nullable(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  workplaceActive: z.boolean(),
  kind: positionKindSchema,
  title: z.string(),
  tasks: z.string(),
  supervisorName: z.string().nullable(),
  supervisorPhone: z.string().nullable(),
  supervisorEmail: z.string().nullable(),
  minSwedishLevel: swedishLevelSchema.nullable(),
  requiredLicence: licenceClassSchema.nullable(),
  physicalDemands: physicalDemandsSchema.nullable(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  hoursPercent: z.number().int(),
  /** Capacity. For a position with periods: the sum of the periods' slots. */
  slots: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string().nullable(),
  /** Summer-job periods; empty for other positions. */
  periods: z.array(positionPeriodSchema),
  employmentForm: employmentFormSchema,
  unionReviewRequired: z.boolean(),
  subsidyTypeId: z.number().int().nullable(),
  subsidyTypeName: z.string().nullable(),
  active: z.boolean(),
  /** Occupancy now: for a position with periods, the sums over its periods that have not ended. */
  occupancy: occupancySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const tagList = (label: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `${label}: tomma värden är inte tillåtna`)
        .max(60, `${label}: högst 60 tecken per värde`),
    )
    .max(30, `${label}: högst 30 värden`)
    .default([])
    .transform((xs) => {
      // De-duplicate ignoring case, keeping the first spelling.
      const seen = new Set<string>();
      return xs.filter((x) => {
        const key = x.toLocaleLowerCase('sv-SE');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    })
    .describe(label);

export const workplaceInput = z.object({
  name: requiredText('Namn', 120),
  organisation: optionalText('Organisation', 160),
  address: optionalText('Adress', 200),
  district: optionalText('Stadsdel', 80),
  notes: optionalText('Anteckningar', 2000),
});
export type WorkplaceInput = z.infer<typeof workplaceInput>;

export const periodInput = z.object({
  /** Existing period's id when editing; absent for a new period. */
  id: id.optional().describe('Period'),
  name: requiredText('Periodens namn', 60),
  startDate: isoDate.describe('Periodens första dag'),
  endDate: isoDate.describe('Periodens sista dag'),
  slots: z
    .number({ error: 'Antal platser måste anges' })
    .int('Antal platser ska vara ett heltal')
    .min(1, 'Minst 1 plats')
    .max(500, 'Högst 500 platser')
    .describe('Platser per period'),
});
export type PeriodInput = z.infer<typeof periodInput>;

const percent = (label: string) =>
  z
    .number({ error: `${label} måste anges` })
    .int(`${label} ska vara ett heltal`)
    .min(1, `${label}: minst 1 %`)
    .max(100, `${label}: högst 100 %`)
    .describe(label);

export const positionInput = z.object({
  workplaceId: id.describe('Arbetsplats'),
  kind: positionKindSchema,
  title: requiredText('Benämning', 160),
  tasks: requiredText('Arbetsuppgifter', 4000),
  supervisorName: optionalText('Handledare', 120),
  supervisorPhone: optionalText('Handledarens telefon', 40),
  supervisorEmail: optionalText('Handledarens e-post', 200),
  minSwedishLevel: swedishLevelSchema.nullable().default(null).describe('Lägsta svenskanivå'),
  requiredLicence: licenceClassSchema.nullable().default(null).describe('Körkortskrav'),
  physicalDemands: physicalDemandsSchema.nullable().default(null),
  languages: tagList('Språk'),
  skills: tagList('Färdigheter'),
  hoursPercent: percent('Omfattning'),
  /** Capacity of a position without periods. Ignored (computed) when periods are given. */
  slots: z
    .number()
    .int('Antal platser ska vara ett heltal')
    .min(1, 'Minst 1 plats')
    .max(500, 'Högst 500 platser')
    .optional()
    .describe('Antal platser'),
  /** Period of a position without periods; computed from the periods otherwise. */
  periodStart: isoDate.optional().describe('Period från'),
  periodEnd: isoDate.nullable().optional().describe('Period till'),
  /** Summer-job periods (required for summer jobs, not allowed for other kinds). */
  periods: z.array(periodInput).max(12, 'Högst 12 perioder').default([]).describe('Perioder'),
  employmentForm: employmentFormSchema,
  /** Default: yes for employment, no for work training (docs/product.md §3). */
  unionReviewRequired: z.boolean().optional().describe('Facklig prövning krävs'),
  subsidyTypeId: id.nullable().default(null).describe('Stödform'),
});
export type PositionInput = z.infer<typeof positionInput>;

/**
 * Cross-field rules of a position, as a list of { field, message } (Swedish). Used by the service (which throws on
 * the first) and by the UI form (which can show all).
 */
export function positionInputProblems(p: PositionInput): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const isSummer = p.kind === 'summer_job';
  if (isSummer !== (p.employmentForm === 'summer_job')) {
    out.push({
      field: 'employmentForm',
      message: 'Anställningsform: feriearbete hör ihop med typen feriearbete (och bara med den).',
    });
  }
  if (isSummer) {
    if (p.periods.length === 0)
      out.push({ field: 'periods', message: 'Perioder: ett feriearbete behöver minst en period.' });
  } else {
    if (p.periods.length > 0)
      out.push({
        field: 'periods',
        message: 'Perioder: bara feriearbeten har perioder; ange period från och till i stället.',
      });
    if (p.slots === undefined) out.push({ field: 'slots', message: 'Antal platser måste anges.' });
    if (!p.periodStart) out.push({ field: 'periodStart', message: 'Period från måste anges.' });
    if (p.periodStart && p.periodEnd && p.periodEnd < p.periodStart) {
      out.push({ field: 'periodEnd', message: 'Period till: kan inte vara före period från.' });
    }
  }
  const sorted = [...p.periods].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  sorted.forEach((per, i) => {
    const idx = p.periods.indexOf(per);
    if (per.endDate < per.startDate) {
      out.push({
        field: `periods.${idx}.endDate`,
        message: `Perioden ${per.name}: sista dagen kan inte vara före första dagen.`,
      });
    }
    const next = sorted[i + 1];
    if (next && next.startDate <= per.endDate) {
      out.push({
        field: `periods.${p.periods.indexOf(next)}.startDate`,
        message: `Perioderna ${per.name} och ${next.name} överlappar.`,
      });
    }
  });
  const names = new Set<string>();
  p.periods.forEach((per, i) => {
    const key = per.name.toLocaleLowerCase('sv-SE');
    if (names.has(key)) out.push({ field: `periods.${i}.name`, message: `Periodnamnet ${per.name} finns redan.` });
    names.add(key);
  });
  if (p.subsidyTypeId !== null && p.employmentForm !== 'subsidised_employment') {
    out.push({ field: 'subsidyTypeId', message: 'Stödform: anges bara för anställning med lönestöd.' });
  }
  return out;
}
