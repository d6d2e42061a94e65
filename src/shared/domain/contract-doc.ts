import { z } from 'zod';
import { contractActionsSchema } from './actions';

/**
 * Employment contracts (anställningsavtal), docs/product.md §3 "Contract" and §7.
 *
 * A contract version is an immutable snapshot of every field it prints, frozen when HR generates it. Everything
 * printed — the PDF, the preview on screen and the HR export — is computed from the snapshot alone by the pure
 * functions here, so the same snapshot always gives the same text. A later change to the placement never edits a
 * snapshot: it makes a new version (tillägg) that lists what changed.
 */

export const CONTRACT_STATUSES = ['generated', 'sent', 'signed', 'registered', 'superseded'] as const;
export const contractStatusSchema = z.enum(CONTRACT_STATUSES);
export type ContractStatus = z.infer<typeof contractStatusSchema>;

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  generated: 'Genererat',
  sent: 'Skickat för underskrift',
  signed: 'Signerat',
  registered: 'Registrerat i lönesystemet',
  superseded: 'Ersatt av ny version',
};

/** The forward steps HR records, each requiring the one before. */
export const CONTRACT_STEPS = ['sent', 'signed', 'registered'] as const;
export type ContractStep = (typeof CONTRACT_STEPS)[number];
export const CONTRACT_STEP_REQUIRES: Record<ContractStep, ContractStatus> = {
  sent: 'generated',
  signed: 'sent',
  registered: 'signed',
};

/** Employment forms that give an employment contract (work training without employment does not). */
export const CONTRACT_EMPLOYMENT_FORMS = ['subsidised_employment', 'summer_job'] as const;

/** How the form of employment is written in the contract. */
export const CONTRACT_FORM_TEXT: Record<string, string> = {
  subsidised_employment: 'Tidsbegränsad anställning med lönestöd från Arbetsförmedlingen',
  summer_job: 'Tidsbegränsad anställning, feriearbete',
};

// ---------------------------------------------------------------------------------------------------------------
// Snapshot

const nullableText = z.string().nullable();

export const contractTermsSchema = z.object({
  employer: z.object({
    name: z.string(),
    organisationNumber: nullableText,
    unit: nullableText,
    address: nullableText,
  }),
  employee: z.object({
    firstName: z.string(),
    lastName: z.string(),
    /** Canonical 12 digits. */
    personnummer: z.string(),
    address: nullableText,
    postalCode: nullableText,
    city: nullableText,
  }),
  employment: z.object({
    form: z.string(),
    formText: z.string(),
    positionTitle: z.string(),
    tasks: nullableText,
    workplaceName: z.string(),
    workplaceOrganisation: nullableText,
    workplaceAddress: nullableText,
    supervisorName: nullableText,
    startDate: z.string(),
    endDate: z.string(),
    hoursPercent: z.number().int(),
    monthlySalaryOre: z.number().int(),
    collectiveAgreement: nullableText,
  }),
  /** Arbetsförmedlingen's decision; null for employment without wage subsidy (summer jobs). */
  subsidy: z
    .object({
      typeName: nullableText,
      decisionNumber: nullableText,
      decisionDate: nullableText,
      percent: z.number().int().nullable(),
      ceilingOre: z.number().int().nullable(),
      periodStart: z.string(),
      periodEnd: z.string(),
      extensions: z.array(
        z.object({
          decisionNumber: z.string(),
          decisionDate: z.string(),
          periodStart: z.string(),
          periodEnd: z.string(),
          months: z.number().int(),
          percent: z.number().int().nullable(),
          ceilingOre: z.number().int().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type ContractTerms = z.infer<typeof contractTermsSchema>;

export const contractChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type ContractChange = z.infer<typeof contractChangeSchema>;

export const contractSnapshotSchema = z.object({
  format: z.literal(1),
  /** e.g. 'JB-2026-0042'; the same for every version of a placement's contract. */
  contractNumber: z.string(),
  version: z.number().int(),
  previousVersion: z.number().int().nullable(),
  /** UTC ISO timestamp; also the PDF's creation date. */
  generatedAt: z.string(),
  generatedByName: z.string(),
  terms: contractTermsSchema,
  /** For a tillägg: what differs from the previous version. */
  changes: z.array(contractChangeSchema),
});
export type ContractSnapshot = z.infer<typeof contractSnapshotSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Formatting (deterministic, independent of the host's ICU data)

const NBSP = '\u00a0';

/** 2450000 öre → "24 500 kr"; öre are shown only when there are any ("24 500,50 kr"). */
export function formatKronor(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(Math.round(ore));
  const kr = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? '−' : ''}${grouped}${rest ? `,${String(rest).padStart(2, '0')}` : ''}${NBSP}kr`;
}

/** Canonical 12 digits → 'YYYYMMDD-NNNN'. Anything else is shown as stored. */
export function formatPersonnummerForContract(canonical: string): string {
  return /^\d{12}$/.test(canonical) ? `${canonical.slice(0, 8)}-${canonical.slice(8)}` : canonical;
}

let stockholmFormat: Intl.DateTimeFormat | undefined;
const stockholmCache = new Map<string, string>();

/** UTC ISO timestamp → the calendar date in Europe/Stockholm, 'YYYY-MM-DD'. */
export function stockholmDate(iso: string): string {
  const cached = stockholmCache.get(iso);
  if (cached !== undefined) return cached;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  stockholmFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = stockholmFormat.formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  const out = `${p('year')}-${p('month')}-${p('day')}`;
  if (stockholmCache.size > 10_000) stockholmCache.clear();
  stockholmCache.set(iso, out);
  return out;
}

const dash = '–';
const orDash = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? dash : s);
const monthsText = (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`;

export function employeeName(t: ContractTerms): string {
  return `${t.employee.firstName} ${t.employee.lastName}`;
}

export function employeeAddressLine(t: ContractTerms): string {
  const postal = [t.employee.postalCode, t.employee.city].filter((x) => x && x.trim() !== '').join(' ');
  const parts = [t.employee.address, postal].filter((x): x is string => !!x && x.trim() !== '');
  return parts.length ? parts.join(', ') : dash;
}

export function extensionText(e: NonNullable<ContractTerms['subsidy']>['extensions'][number]): string {
  const pct = e.percent === null ? '' : `, ${e.percent} %`;
  const ceil = e.ceilingOre === null ? '' : `, takbelopp ${formatKronor(e.ceilingOre)}`;
  return `Beslut ${e.decisionNumber} (${e.decisionDate}): ${e.periodStart} – ${e.periodEnd}, ${monthsText(e.months)}${pct}${ceil}`;
}

export interface ContractSection {
  heading: string;
  rows: Array<[label: string, value: string]>;
}

/**
 * The labelled fields of a contract, section by section, exactly as printed. Labels are unique across sections
 * (the change list of a tillägg refers to them).
 */
export function contractSections(t: ContractTerms): ContractSection[] {
  const sections: ContractSection[] = [
    {
      heading: 'Arbetsgivare',
      rows: [
        ['Arbetsgivare', t.employer.name],
        ['Organisationsnummer', orDash(t.employer.organisationNumber)],
        ['Förvaltning/enhet', orDash(t.employer.unit)],
        ['Arbetsgivarens adress', orDash(t.employer.address)],
      ],
    },
    {
      heading: 'Arbetstagare',
      rows: [
        ['Namn', employeeName(t)],
        ['Personnummer', formatPersonnummerForContract(t.employee.personnummer)],
        ['Adress', employeeAddressLine(t)],
      ],
    },
    {
      heading: 'Anställning',
      rows: [
        ['Anställningsform', t.employment.formText],
        ['Befattning', t.employment.positionTitle],
        ['Arbetsuppgifter', orDash(t.employment.tasks)],
        ['Arbetsplats', [t.employment.workplaceName, t.employment.workplaceOrganisation].filter(Boolean).join(', ')],
        ['Arbetsplatsens adress', orDash(t.employment.workplaceAddress)],
        ['Handledare', orDash(t.employment.supervisorName)],
        ['Anställningen börjar', t.employment.startDate],
        ['Anställningen upphör', t.employment.endDate],
        ['Sysselsättningsgrad', `${t.employment.hoursPercent} % av heltid`],
        ['Månadslön', formatKronor(t.employment.monthlySalaryOre)],
        ['Kollektivavtal', orDash(t.employment.collectiveAgreement)],
      ],
    },
  ];
  const s = t.subsidy;
  if (s) {
    const rows: Array<[string, string]> = [
      ['Stödform', orDash(s.typeName)],
      ['Beslutsnummer', orDash(s.decisionNumber)],
      ['Beslutsdatum', orDash(s.decisionDate)],
      ['Stöd', s.percent === null ? dash : `${s.percent} % av lönekostnaden`],
      ['Takbelopp (lön per månad)', s.ceilingOre === null ? dash : formatKronor(s.ceilingOre)],
      ['Beslutsperiod', `${s.periodStart} – ${s.periodEnd}`],
    ];
    s.extensions.forEach((e, i) => rows.push([`Förlängning ${i + 1}`, extensionText(e)]));
    sections.push({ heading: 'Lönestöd från Arbetsförmedlingen', rows });
  }
  return sections;
}

/** Fields whose change does not call for a new version: the employee's address is contact data, not a term. */
const NOT_TERMS = new Set(['Adress']);

/** What differs between two versions' printed fields (terms only), in print order. */
export function diffContractTerms(before: ContractTerms, after: ContractTerms): ContractChange[] {
  const flat = (t: ContractTerms) => new Map(contractSections(t).flatMap((s) => s.rows));
  const a = flat(before);
  const b = flat(after);
  const labels = [...new Set([...a.keys(), ...b.keys()])];
  const out: ContractChange[] = [];
  for (const field of labels) {
    if (NOT_TERMS.has(field)) continue;
    const x = a.get(field) ?? dash;
    const y = b.get(field) ?? dash;
    if (x !== y) out.push({ field, before: x, after: y });
  }
  return out;
}

export function contractTitle(s: ContractSnapshot): string {
  return s.version === 1 ? 'Anställningsavtal' : `Anställningsavtal – tillägg ${s.version - 1}`;
}

/** The whole document as text blocks, the single source of the PDF and the on-screen preview. */
export type ContractBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: Array<[string, string]> }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'signatures'; parties: Array<{ role: string; name?: string }> };

export function contractBlocks(s: ContractSnapshot): ContractBlock[] {
  const t = s.terms;
  const blocks: ContractBlock[] = [
    { kind: 'title', text: contractTitle(s) },
    {
      kind: 'paragraph',
      text: `Avtal ${s.contractNumber}, version ${s.version}. Upprättat ${stockholmDate(s.generatedAt)}.`,
    },
  ];
  if (s.previousVersion !== null) {
    blocks.push({
      kind: 'paragraph',
      text:
        `Detta tillägg ersätter version ${s.previousVersion} av avtalet. ` +
        'Villkor som inte anges som ändrade nedan gäller oförändrade. Avtalet i sin helhet återges efter ändringarna.',
    });
    blocks.push({ kind: 'heading', text: 'Ändringar' });
    if (s.changes.length > 0) {
      blocks.push({
        kind: 'table',
        columns: ['Uppgift', 'Tidigare', 'Nytt'],
        rows: s.changes.map((c) => [c.field, c.before, c.after]),
      });
    } else {
      blocks.push({ kind: 'paragraph', text: 'Inga ändrade villkor.' });
    }
  }
  for (const section of contractSections(t)) {
    blocks.push({ kind: 'heading', text: section.heading });
    blocks.push({ kind: 'fields', rows: section.rows });
  }
  blocks.push({ kind: 'heading', text: 'Villkor' });
  const agreement = t.employment.collectiveAgreement
    ? `kollektivavtalet ${t.employment.collectiveAgreement}`
    : 'gällande kollektivavtal';
  blocks.push({
    kind: 'paragraph',
    text:
      `Anställningen är tidsbegränsad och gäller från och med ${t.employment.startDate} till och med ${t.employment.endDate}. ` +
      `Den upphör utan föregående uppsägning när tiden har löpt ut. I övrigt gäller ${agreement} och lag.`,
  });
  if (t.subsidy) {
    blocks.push({
      kind: 'paragraph',
      text:
        'Anställningen förutsätter lönestöd från Arbetsförmedlingen enligt beslutet ovan. ' +
        'Arbetstagaren har tagit del av att anställningen är en arbetsmarknadspolitisk insats.',
    });
  }
  blocks.push({
    kind: 'paragraph',
    text: 'Avtalet har upprättats i två likalydande exemplar, av vilka parterna tagit var sitt.',
  });
  blocks.push({ kind: 'heading', text: 'Underskrifter' });
  blocks.push({
    kind: 'signatures',
    parties: [{ role: `För arbetsgivaren, ${t.employer.name}` }, { role: 'Arbetstagare', name: employeeName(t) }],
  });
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------
// Records as the API returns them (HR's view: contract data only, nothing of the social case)

export const contractSummarySchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  contractNumber: z.string(),
  version: z.number().int(),
  /** True for the newest version of the placement's contract. */
  isCurrent: z.boolean(),
  status: contractStatusSchema,
  employeeName: z.string(),
  personnummer: z.string(),
  positionTitle: z.string(),
  workplaceName: z.string(),
  employmentForm: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  monthlySalaryOre: z.number().int(),
  generatedAt: z.string(),
  generatedByName: z.string(),
  sentAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

export const contractDetailSchema = contractSummarySchema.extend({
  snapshot: contractSnapshotSchema,
  /** Every version of the placement's contract, newest first. */
  versions: z.array(contractSummarySchema),
  /** True when the placement has changed since this (current) version: generate a tillägg. */
  needsNewVersion: z.boolean(),
  /** What HR may record next for this version, and why not (src/shared/rules/record-actions.ts). */
  actions: contractActionsSchema,
});
export type ContractDetail = z.infer<typeof contractDetailSchema>;

export const contractQueueItemSchema = z.object({
  placementId: z.number().int(),
  /** 'new': no contract yet; 'changed': the placement changed after the newest version. */
  reason: z.enum(['new', 'changed']),
  employeeName: z.string(),
  personnummer: z.string(),
  positionTitle: z.string(),
  workplaceName: z.string(),
  employmentForm: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  currentContractId: z.number().int().nullable(),
  currentVersion: z.number().int().nullable(),
  currentStatus: contractStatusSchema.nullable(),
  changes: z.array(contractChangeSchema),
});
export type ContractQueueItem = z.infer<typeof contractQueueItemSchema>;

export const fileReplySchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  /** Data rows in an export; pages are not counted for PDFs. */
  rows: z.number().int().optional(),
});
export type FileReply = z.infer<typeof fileReplySchema>;
