/**
 * Participant records (docs/product.md §3): enums with Swedish labels, input and output schemas for every role's view, and
 * the pure helpers that keep the list searchable and sorted in Swedish order.
 *
 * Privacy (docs/product.md §1): restrictions, monthlyAssistance, childrenInHousehold, longTermRecipient and caseNotes are the
 * social case. Only coordinators and admins receive them; HR gets {@link participantDetailForHrSchema} and
 * {@link participantListRowForHrSchema}, which do not contain those keys (zod strips what a schema does not name).
 */
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common';
import { readEmail, readPhone, readPostalCode, type CellResult } from './referral-import';

// ---------------------------------------------------------------------------------------------
// Enums

/** The stages of docs/product.md §2, in journey order (side states last). */
export const STAGES = [
  'referred',
  'meeting_booked',
  'attended',
  'mapped',
  'matching',
  'proposed',
  'approved',
  'placed',
  'exited',
  'paused',
  'closed',
] as const;
export const stageSchema = z.enum(STAGES).describe('Steg');
export type Stage = z.infer<typeof stageSchema>;

export const STAGE_LABELS: Record<Stage, string> = {
  referred: 'Remitterad',
  meeting_booked: 'Bokad till informationsmöte',
  attended: 'Har deltagit i informationsmöte',
  mapped: 'Kartlagd',
  matching: 'Matchning',
  proposed: 'Föreslagen',
  approved: 'Godkänd',
  placed: 'Placerad',
  exited: 'Avslutad med utfall',
  paused: 'Pausad',
  closed: 'Avslutad utan placering',
};

/** Stages in which the person is still on the way (not exited, not closed). */
export const ACTIVE_STAGES: readonly Stage[] = STAGES.filter((s) => s !== 'exited' && s !== 'closed');

/** Swedish level, lowest first (the order matching compares against a position's minimum). */
export const SWEDISH_LEVELS = ['sfi_a', 'sfi_b', 'sfi_c', 'sfi_d', 'sas', 'native'] as const;
export const swedishLevelSchema = z.enum(SWEDISH_LEVELS).describe('Svenskanivå');
export type SwedishLevel = z.infer<typeof swedishLevelSchema>;
export const SWEDISH_LEVEL_LABELS: Record<SwedishLevel, string> = {
  sfi_a: 'SFI kurs A',
  sfi_b: 'SFI kurs B',
  sfi_c: 'SFI kurs C',
  sfi_d: 'SFI kurs D',
  sas: 'Svenska som andraspråk',
  native: 'Svenska som modersmål',
};
/** 0 for SFI A … 5 for native; compare two levels with it. */
export const swedishLevelRank = (level: SwedishLevel): number => SWEDISH_LEVELS.indexOf(level);

export const EDUCATION_LEVELS = [
  'none',
  'primary_short',
  'primary',
  'upper_secondary',
  'post_secondary_short',
  'university',
] as const;
export const educationLevelSchema = z.enum(EDUCATION_LEVELS).describe('Utbildningsnivå');
export type EducationLevel = z.infer<typeof educationLevelSchema>;
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  none: 'Ingen formell skolgång',
  primary_short: 'Grundskola kortare än 9 år',
  primary: 'Grundskola 9 år',
  upper_secondary: 'Gymnasieutbildning',
  post_secondary_short: 'Eftergymnasial utbildning kortare än 3 år',
  university: 'Eftergymnasial utbildning 3 år eller längre',
};

/** Swedish driving licence classes (körkortsbehörigheter). */
export const LICENCE_CLASSES = [
  'AM',
  'A1',
  'A2',
  'A',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
] as const;
export const licenceClassSchema = z.enum(LICENCE_CLASSES).describe('Körkortsbehörighet');
export type LicenceClass = z.infer<typeof licenceClassSchema>;
export const LICENCE_CLASS_LABELS: Record<LicenceClass, string> = {
  AM: 'AM (moped klass I)',
  A1: 'A1 (lätt motorcykel)',
  A2: 'A2 (mellanstor motorcykel)',
  A: 'A (motorcykel)',
  B: 'B (personbil)',
  BE: 'BE (personbil med tungt släp)',
  C1: 'C1 (medeltung lastbil)',
  C1E: 'C1E (medeltung lastbil med släp)',
  C: 'C (tung lastbil)',
  CE: 'CE (tung lastbil med släp)',
  D1: 'D1 (mellanstor buss)',
  D1E: 'D1E (mellanstor buss med släp)',
  D: 'D (buss)',
  DE: 'DE (buss med släp)',
};

/**
 * Kinds of placement a participant can wish for (docs/product.md §3). The same ids as a position's kind (POSITION_KINDS in
 * shared/domain/position.ts), so a wish and a position compare directly.
 */
export const PLACEMENT_KINDS = [
  'bicycle_workshop',
  'carpentry',
  'second_hand',
  'handyman',
  'cleaning',
  'municipal_department',
  'summer_job',
] as const;
export const placementKindSchema = z.enum(PLACEMENT_KINDS).describe('Placeringsslag');
export type PlacementKind = z.infer<typeof placementKindSchema>;
export const PLACEMENT_KIND_LABELS: Record<PlacementKind, string> = {
  bicycle_workshop: 'Verkstad: cykelreparation',
  carpentry: 'Verkstad: snickeri',
  second_hand: 'Verkstad: second hand',
  handyman: 'Verkstad: fixartjänst',
  cleaning: 'Städorganisationen',
  municipal_department: 'Arbete i kommunal förvaltning',
  summer_job: 'Sommarjobb',
};

export const EXIT_OUTCOMES = [
  'ordinary_job',
  'studies',
  'other_subsidised_job',
  'back_to_assistance',
  'moved',
  'other',
] as const;
export const exitOutcomeSchema = z.enum(EXIT_OUTCOMES).describe('Utfall');
export type ExitOutcome = z.infer<typeof exitOutcomeSchema>;
export const EXIT_OUTCOME_LABELS: Record<ExitOutcome, string> = {
  ordinary_job: 'Arbete utan subvention',
  studies: 'Studier',
  other_subsidised_job: 'Annat subventionerat arbete',
  back_to_assistance: 'Tillbaka till försörjningsstöd',
  moved: 'Flyttat',
  other: 'Annat',
};

export const CLOSE_REASONS = ['moved', 'declined', 'no_work_capacity', 'other'] as const;
export const closeReasonSchema = z.enum(CLOSE_REASONS).describe('Orsak');
export type CloseReason = z.infer<typeof closeReasonSchema>;
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  moved: 'Flyttat',
  declined: 'Tackat nej',
  no_work_capacity: 'Saknar arbetsförmåga',
  other: 'Annan orsak',
};

export const PAUSE_REASONS = ['sick_leave', 'parental_leave', 'other'] as const;
export const pauseReasonSchema = z.enum(PAUSE_REASONS).describe('Orsak');
export type PauseReason = z.infer<typeof pauseReasonSchema>;
export const PAUSE_REASON_LABELS: Record<PauseReason, string> = {
  sick_leave: 'Sjukskrivning',
  parental_leave: 'Föräldraledighet',
  other: 'Annan orsak',
};

export const SELF_SUPPORTING = ['yes', 'no', 'unknown'] as const;
export const selfSupportingSchema = z.enum(SELF_SUPPORTING).describe('Självförsörjande');
export type SelfSupporting = z.infer<typeof selfSupportingSchema>;
export const SELF_SUPPORTING_LABELS: Record<SelfSupporting, string> = {
  yes: 'Ja, självförsörjande',
  no: 'Nej, inte självförsörjande',
  unknown: 'Okänt',
};

/** Months after an exit at which a follow-up is due. */
export const FOLLOW_UP_MONTHS = [6, 12] as const;
/** A follow-up may be recorded from this many days before it is due. */
export const FOLLOW_UP_EARLY_DAYS = 30;

export const TIMELINE_KIND_LABELS: Record<string, string> = {
  created: 'Registrerad',
  transition: 'Stegbyte',
  meeting: 'Informationsmöte',
  mapping: 'Kartläggning',
  note: 'Anteckning',
  deviation: 'Avvikelse',
  follow_up: 'Uppföljning',
  proposal: 'Förslag',
  decision: 'Beslut',
  placement: 'Placering',
};

/** Borås districts offered as suggestions (the field also accepts other places). */
export const BORAS_DISTRICTS = [
  'Centrum',
  'Norrby',
  'Hässleholmen',
  'Hulta',
  'Sjöbo',
  'Brämhult',
  'Göta',
  'Trandared',
  'Byttorp',
  'Norrmalm',
  'Östermalm',
  'Druvefors',
  'Kristineberg',
  'Tosseryd',
  'Fristad',
  'Sandared',
  'Sjömarken',
  'Dalsjöfors',
  'Viskafors',
  'Rydboholm',
  'Svaneholm',
  'Borgstena',
  'Bredared',
  'Målsryd',
] as const;

// ---------------------------------------------------------------------------------------------
// Field schemas

/** Reads a cell-style value with a shared reader (same rules as the referral import). */
function viaReader<T>(label: string, read: (value: string) => CellResult<T>, max = 254) {
  return z
    .string()
    .max(max, `Får vara högst ${max} tecken`)
    .transform((raw, ctx) => {
      const result = read(raw.normalize('NFC').trim());
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message, input: raw });
        return z.NEVER;
      }
      return result.value;
    })
    .nullable()
    .optional()
    .describe(label);
}

/** A list of short free-text tags, trimmed, de-duplicated ignoring case. */
export const tagList = (label: string, maxItems = 30, maxLength = 60) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, 'Tomma värden är inte tillåtna')
        .max(maxLength, `Ett värde får vara högst ${maxLength} tecken`),
    )
    .max(maxItems, `Högst ${maxItems} värden`)
    .transform((items) => {
      const seen = new Set<string>();
      return items.filter((t) => {
        const key = t.toLocaleLowerCase('sv-SE');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    })
    .describe(label);

const uniqueEnumList = <T extends string>(schema: z.ZodType<T>, label: string) =>
  z
    .array(schema)
    .max(20)
    .transform((items) => [...new Set(items)])
    .describe(label);

/** As typed: any usual form; the service validates date and check digit against today and stores 12 digits. */
export const personnummerInput = z
  .string({ error: 'Personnummer måste anges' })
  .trim()
  .min(1, 'Personnummer måste anges')
  .max(20, 'Personnumret är för långt')
  .describe('Personnummer');

/** Monthly assistance in öre (integer). The UI shows kronor. */
export const assistanceOre = z
  .number()
  .int('Ange beloppet i hela ören')
  .min(0, 'Beloppet kan inte vara negativt')
  .max(10_000_000, 'Beloppet är orimligt högt (över 100 000 kr per månad)')
  .nullable()
  .optional()
  .describe('Försörjningsstöd per månad');

/** Contact and referral fields (the part of the record a referral brings). */
export const participantProfileShape = {
  personnummer: personnummerInput,
  firstName: requiredText('Förnamn', 100),
  lastName: requiredText('Efternamn', 100),
  phone: viaReader('Telefon', readPhone, 40),
  email: viaReader('E-post', readEmail, 254),
  address: optionalText('Adress', 200),
  postalCode: viaReader('Postnummer', readPostalCode, 12),
  city: optionalText('Ort', 100),
  district: optionalText('Stadsdel', 100),
  referralDate: isoDate.describe('Remissdatum'),
  caseworkerName: optionalText('Handläggare', 200),
  caseworkerUnit: optionalText('Handläggarens enhet', 200),
  caseworkerPhone: viaReader('Handläggarens telefon', readPhone, 40),
  caseworkerEmail: viaReader('Handläggarens e-post', readEmail, 254),
  coordinatorId: id.nullable().optional().describe('Koordinator'),
  // social case (coordinators and admins only)
  childrenInHousehold: z
    .number()
    .int()
    .min(0, 'Kan inte vara negativt')
    .max(20, 'Högst 20')
    .optional()
    .describe('Barn i hushållet'),
  longTermRecipient: z.boolean().optional().describe('Långvarigt försörjningsstöd'),
  monthlyAssistance: assistanceOre,
  caseNotes: optionalText('Anteckningar', 10_000),
};

/** The structured mapping form (kartläggning). */
export const mappingShape = {
  languages: tagList('Språk', 20, 60).optional(),
  swedishLevel: swedishLevelSchema.nullable().optional(),
  educationLevel: educationLevelSchema.nullable().optional(),
  licenceClasses: uniqueEnumList(licenceClassSchema, 'Körkort').optional(),
  experienceText: optionalText('Arbetslivserfarenhet', 4000),
  ssykCode: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, 'Ange en yrkeskod enligt SSYK 2012 med fyra siffror')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .describe('Yrkeskod (SSYK 2012)'),
  skills: tagList('Kompetenser', 40).optional(),
  interests: tagList('Intressen', 40).optional(),
  restrictions: optionalText('Hälsobaserade begränsningar', 2000),
  wishedKinds: uniqueEnumList(placementKindSchema, 'Önskade placeringar').optional(),
  availablePercent: z
    .number()
    .int('Ange hela procent')
    .min(10, 'Minst 10 procent')
    .max(100, 'Högst 100 procent')
    .nullable()
    .optional()
    .describe('Tillgänglig tid (procent av heltid)'),
  earliestStart: isoDate.nullable().optional().describe('Tidigaste start'),
};

export const participantCreateInput = z.object({
  ...participantProfileShape,
  ...mappingShape,
  note: optionalText('Anteckning i tidslinjen', 2000),
});
export type ParticipantCreateInput = z.input<typeof participantCreateInput>;

/** Patch: a field left out is unchanged; null (or '') clears an optional field. */
export const participantUpdateInput = z
  .object(participantProfileShape)
  .partial()
  .extend({
    id: id.describe('Deltagare'),
    /** The updatedAt the form was loaded with; a newer record is refused instead of overwritten. */
    expectedUpdatedAt: z.string().max(40).optional(),
  });
export type ParticipantUpdateInput = z.input<typeof participantUpdateInput>;

export const mappingUpdateInput = z.object({
  id: id.describe('Deltagare'),
  expectedUpdatedAt: z.string().max(40).optional(),
  ...mappingShape,
  /** Also mark the mapping as done (attended → mapped) in the same save; refused if fields are missing. */
  markMapped: z.boolean().default(false).describe('Markera som kartlagd'),
  note: optionalText('Anteckning', 2000),
});
export type MappingUpdateInput = z.input<typeof mappingUpdateInput>;

// ---------------------------------------------------------------------------------------------
// Output schemas

const nullableString = z.string().nullable();

export const userRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const caseworkerSchema = z.object({
  name: nullableString,
  unit: nullableString,
  phone: nullableString,
  email: nullableString,
});

export const mappingFieldsSchema = z.object({
  languages: z.array(z.string()),
  swedishLevel: swedishLevelSchema.nullable(),
  educationLevel: educationLevelSchema.nullable(),
  licenceClasses: z.array(licenceClassSchema),
  experienceText: nullableString,
  ssykCode: nullableString,
  skills: z.array(z.string()),
  interests: z.array(z.string()),
  wishedKinds: z.array(placementKindSchema),
  availablePercent: z.number().int().nullable(),
  earliestStart: nullableString,
});

export const mappingStatusSchema = z.object({
  complete: z.boolean(),
  /** Fields matching needs that are still empty, with Swedish labels. */
  missing: z.array(z.object({ field: z.string(), label: z.string() })),
});

export const nextStepSchema = z.object({
  command: z.string(),
  to: stageSchema,
  label: z.string(),
  /** Where the step is taken: 'participants.transition', 'participants.pause', 'meetings.book', 'review' … */
  via: z.string(),
  /** A step the user takes (true) or one another part of Växla takes (matching, review, placements). */
  manual: z.boolean(),
  enabled: z.boolean(),
  /** Why the step is not possible now (Swedish), when enabled is false. */
  reason: nullableString,
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const timelineEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: userRefSchema.nullable(),
  kind: z.string(),
  fromStage: stageSchema.nullable(),
  toStage: stageSchema.nullable(),
  /** One Swedish line describing the event ("Pausad: Sjukskrivning, åter 2027-01-15"). */
  summary: z.string(),
  note: nullableString,
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** HR sees that a stage changed, not why (reasons and notes can be health or case information). */
export const timelineEventForHrSchema = timelineEventSchema.pick({
  id: true,
  at: true,
  user: true,
  kind: true,
  fromStage: true,
  toStage: true,
});

export const bookingSummarySchema = z.object({
  meetingId: z.number().int(),
  startsAt: z.string(),
  place: z.string(),
  status: z.enum(['booked', 'attended', 'no_show', 'cancelled']),
});

export const deviationStatusSchema = z.enum(['open', 'sent', 'done']).describe('Status');
export type DeviationStatus = z.infer<typeof deviationStatusSchema>;
export const DEVIATION_STATUS_LABELS: Record<DeviationStatus, string> = {
  open: 'Ej skickad',
  sent: 'Skickad till handläggaren',
  done: 'Klar',
};

export const deviationSummarySchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  reason: z.string(),
  status: deviationStatusSchema,
});

export const followUpSummarySchema = z.object({
  id: z.number().int(),
  exitDate: z.string(),
  months: z.number().int(),
  dueDate: z.string(),
  selfSupporting: selfSupportingSchema.nullable(),
  note: nullableString,
  recordedAt: nullableString,
});

const identityShape = {
  id: z.number().int(),
  ref: z.string(),
  personnummer: z.string(),
  /** 'YYYYMMDD-NNNN' */
  personnummerFormatted: z.string(),
  identityKind: z.enum(['personnummer', 'samordningsnummer']),
  birthDate: z.string(),
  age: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
};

const contactShape = {
  phone: nullableString,
  email: nullableString,
  address: nullableString,
  postalCode: nullableString,
  city: nullableString,
  district: nullableString,
};

const stageShape = {
  stage: stageSchema,
  stageLabel: z.string(),
  stageSince: z.string(),
  daysInStage: z.number().int(),
};

export const participantDetailSchema = z.object({
  ...identityShape,
  ...contactShape,
  referralDate: z.string(),
  caseworker: caseworkerSchema,
  coordinator: userRefSchema.nullable(),
  ...stageShape,
  mapping: mappingFieldsSchema,
  mappingStatus: mappingStatusSchema,
  pause: z
    .object({ fromStage: stageSchema, reason: pauseReasonSchema, expectedReturn: nullableString, overdue: z.boolean() })
    .nullable(),
  closeReason: closeReasonSchema.nullable(),
  exit: z.object({ outcome: exitOutcomeSchema, date: z.string() }).nullable(),
  noShowCount: z.number().int(),
  // social case
  restrictions: nullableString,
  childrenInHousehold: z.number().int(),
  longTermRecipient: z.boolean(),
  /** öre */
  monthlyAssistance: z.number().int().nullable(),
  caseNotes: nullableString,
  // journey
  nextSteps: z.array(nextStepSchema),
  timeline: z.array(timelineEventSchema),
  bookings: z.array(bookingSummarySchema),
  deviations: z.array(deviationSummarySchema),
  followUps: z.array(followUpSummarySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ParticipantDetail = z.infer<typeof participantDetailSchema>;

/** HR's view: who the person is and how to reach them, what they can do; nothing of the social case. */
export const participantDetailForHrSchema = z.object({
  ...identityShape,
  ...contactShape,
  coordinator: userRefSchema.nullable(),
  ...stageShape,
  mapping: mappingFieldsSchema,
  timeline: z.array(timelineEventForHrSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ParticipantDetailForHr = z.infer<typeof participantDetailForHrSchema>;

const listRowBase = {
  id: z.number().int(),
  ref: z.string(),
  personnummer: z.string(),
  personnummerFormatted: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  district: nullableString,
  ...stageShape,
  referralDate: z.string(),
  coordinator: userRefSchema.nullable(),
  swedishLevel: swedishLevelSchema.nullable(),
  availablePercent: z.number().int().nullable(),
  wishedKinds: z.array(placementKindSchema),
};

export const participantListRowSchema = z.object({
  ...listRowBase,
  caseworkerName: nullableString,
  longTermRecipient: z.boolean(),
  childrenInHousehold: z.number().int(),
  noShowCount: z.number().int(),
  pauseExpectedReturn: nullableString,
});
export type ParticipantListRow = z.infer<typeof participantListRowSchema>;
export const participantListRowForHrSchema = z.object(listRowBase);

export const stageCountsSchema = z.object(
  Object.fromEntries(STAGES.map((s) => [s, z.number().int()])) as Record<Stage, z.ZodNumber>,
);
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const LIST_SORT_FIELDS = [
  'name',
  'ref',
  'referralDate',
  'stageSince',
  'stage',
  'district',
  'caseworker',
] as const;
export const listSortSchema = z.enum(LIST_SORT_FIELDS).describe('Sortering');
export type ListSortField = z.infer<typeof listSortSchema>;

export const participantListInput = z.object({
  /** Name, personnummer (any form, or part of it), reference or caseworker. */
  search: z.string().trim().max(100, 'Söktexten får vara högst 100 tecken').optional().describe('Sök'),
  stages: z.array(stageSchema).max(STAGES.length).optional().describe('Steg'),
  district: z.string().trim().max(100).optional().describe('Stadsdel'),
  longTermRecipient: z.boolean().optional().describe('Långvarigt försörjningsstöd'),
  hasChildren: z.boolean().optional().describe('Barn i hushållet'),
  /** A coordinator's id; null = participants without a coordinator. */
  coordinatorId: id.nullable().optional().describe('Koordinator'),
  wishedKind: placementKindSchema.optional(),
  sort: listSortSchema.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ParticipantListInput = z.input<typeof participantListInput>;

// ---------------------------------------------------------------------------------------------
// Search and sort helpers (pure; the service stores their output in search_text and sort_name)

/** Lower case in Swedish, Unicode NFC. */
export const lowerSv = (s: string): string => s.normalize('NFC').toLocaleLowerCase('sv-SE');

const KEEP_LETTERS = new Set(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']);

/** Removes diacritics except the Swedish letters å ä ö (so "José" is found by "jose", "Åsa" stays "åsa"). */
export function foldDiacritics(lower: string): string {
  let out = '';
  for (const c of lower.normalize('NFC')) out += KEEP_LETTERS.has(c) ? c : c.normalize('NFD').replace(/\p{M}+/gu, '');
  return out;
}

export interface SearchFields {
  firstName: string;
  lastName: string;
  personnummer: string;
  ref: string;
  caseworkerName: string | null;
}

/**
 * The text the list searches: name, the 12-digit number, the reference and the caseworker, lower-cased, with a
 * folded copy when diacritics differ. Fields are separated by '|', so a search word never matches across two.
 * Each word of a query is matched on its own (see {@link searchTerms}), so word order does not matter.
 */
export function buildSearchText(p: SearchFields): string {
  const parts = [`${p.firstName} ${p.lastName}`, p.personnummer, p.ref, p.caseworkerName ?? '']
    .map(lowerSv)
    .filter((s) => s !== '');
  const text = parts.join('|');
  const folded = foldDiacritics(text);
  return folded === text ? text : `${text}|${folded}`;
}

/**
 * The search words of a query. A word that looks like a personnummer (digits with - or +) is reduced to its
 * digits so '850101-1234' finds '198501011234'. Other words are lower-cased and folded.
 */
export function searchTerms(query: string): string[] {
  return lowerSv(query)
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 8)
    .map((w) =>
      /^\d[\d+-]*\d$/.test(w) && /\d{4}/.test(w) && !/^\d{4}-\d{1,4}$/.test(w)
        ? w.replace(/\D/g, '')
        : foldDiacritics(w),
    );
}

/**
 * Sort key for Swedish alphabetical order under binary comparison: lower case, letters with diacritics as their
 * base letter (é → e, ü → y as in Swedish dictionaries), and å, ä, ö (also æ, ø) after z in that order.
 */
export function swedishSortKey(s: string): string {
  const lower = lowerSv(s).replace(/ü/g, 'y').replace(/æ/g, 'ä').replace(/ø/g, 'ö');
  return foldDiacritics(lower).replace(/å/g, '{').replace(/ä/g, '|').replace(/ö/g, '}');
}

export const sortNameOf = (firstName: string, lastName: string): string =>
  `${swedishSortKey(lastName)} ${swedishSortKey(firstName)}`;

// ---------------------------------------------------------------------------------------------
// Referral import (preview and commit)

export const uploadedFileInput = z.object({
  fileName: requiredText('Filnamn', 255),
  /** The file's bytes, base64. At most 10 MB. */
  contentBase64: z
    .string({ error: 'Filen saknas' })
    .min(1, 'Filen är tom')
    .max(14_000_000, 'Filen är för stor (högst 10 MB)')
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'Filen är inte korrekt kodad (base64)')
    .describe('Fil'),
});

export const downloadFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
export type DownloadFile = z.infer<typeof downloadFileSchema>;

export const importRowSchema = z.object({
  rowNumber: z.number().int(),
  status: z.enum(['new', 'duplicate', 'invalid']),
  name: nullableString,
  personnummer: nullableString,
  referralDate: nullableString,
  caseworkerName: nullableString,
  district: nullableString,
  /** The address as it will be saved (the lines of a multi-line cell joined with ", "). */
  address: nullableString,
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  duplicateOf: z.object({ id: z.number().int(), ref: z.string(), name: z.string() }).nullable(),
});

export const importPreviewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(false), error: z.string() }),
  z.object({
    ok: z.literal(true),
    fileName: z.string(),
    encoding: z.string(),
    delimiter: z.string(),
    totalRows: z.number().int(),
    newCount: z.number().int(),
    duplicateCount: z.number().int(),
    invalidCount: z.number().int(),
    ignoredColumns: z.array(z.string()),
    rows: z.array(importRowSchema),
  }),
]);
export type ImportPreview = z.infer<typeof importPreviewSchema>;
