import type { Reader } from '../../store';
import { extensionsOf, placementTermsRow } from '../../store/placements';
import { getSetting } from '../../store/settings';
import { notFound } from '../../../shared/errors';
import {
  CONTRACT_FORM_TEXT,
  contractSnapshotSchema,
  type ContractSnapshot,
  type ContractTerms,
} from '../../../shared/domain/contract-doc';
import { subsidyEndDate } from '../../../shared/rules/subsidy';
import { addDays } from '../../../shared/rules/dates';

/**
 * The employer printed on contracts. Settings key 'contracts.employer' (JSON, maintained by the admin) overrides
 * the default below.
 */
export const EMPLOYER_SETTING_KEY = 'contracts.employer';
export const DEFAULT_EMPLOYER: ContractTerms['employer'] = {
  name: 'Borås Stad',
  organisationNumber: '212000-1561',
  unit: 'Arbetslivsförvaltningen, Jobb Borås',
  address: '501 80 Borås',
};

export async function employerOf(r: Reader): Promise<ContractTerms['employer']> {
  const row = await getSetting(r, EMPLOYER_SETTING_KEY);
  const v = (row?.value ?? null) as Partial<ContractTerms['employer']> | null;
  if (!v || typeof v !== 'object' || typeof v.name !== 'string' || v.name.trim() === '') return DEFAULT_EMPLOYER;
  const text = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);
  return {
    name: v.name.trim(),
    organisationNumber: text(v.organisationNumber),
    unit: text(v.unit),
    address: text(v.address),
  };
}

/** Contract number shared by every version of a placement's contract: 'JB-<start year>-<placement id, 4 digits>'. */
export function contractNumberOf(placementId: number, startDate: string): string {
  return `JB-${startDate.slice(0, 4)}-${String(placementId).padStart(4, '0')}`;
}

/** Everything a contract for the placement would print today, read from the current records. */
export async function currentTerms(
  r: Reader,
  placementId: number,
): Promise<{ terms: ContractTerms; employmentForm: string; startDate: string }> {
  const row = await placementTermsRow(r, placementId);
  if (!row) throw notFound('Placeringen');
  const { p, person, position, workplace } = row;
  const extensions = await extensionsOf(r, placementId);
  const hasSubsidy = position.employmentForm === 'subsidised_employment';
  const terms: ContractTerms = {
    employer: await employerOf(r),
    employee: {
      firstName: person.firstName,
      lastName: person.lastName,
      personnummer: person.personnummer,
      address: person.address,
      postalCode: person.postalCode,
      city: person.city,
    },
    employment: {
      form: position.employmentForm,
      formText: CONTRACT_FORM_TEXT[position.employmentForm] ?? position.employmentForm,
      positionTitle: position.title,
      tasks: position.tasks,
      workplaceName: workplace.name,
      workplaceOrganisation: workplace.organisation,
      workplaceAddress: workplace.address,
      supervisorName: position.supervisorName,
      startDate: p.startDate,
      endDate: p.endDate,
      hoursPercent: p.hoursPercent,
      monthlySalaryOre: p.monthlySalary,
      collectiveAgreement: p.collectiveAgreement,
    },
    subsidy: hasSubsidy
      ? {
          typeName: row.typeName ?? null,
          decisionNumber: p.afDecisionNumber,
          decisionDate: p.afDecisionDate,
          percent: p.subsidyPercent,
          ceilingOre: p.subsidyCeiling,
          periodStart: p.startDate,
          periodEnd: p.months > 0 ? subsidyEndDate(p.startDate, p.months) : p.endDate,
          extensions: extensions.map((e) => ({
            decisionNumber: e.afDecisionNumber,
            decisionDate: e.afDecisionDate,
            periodStart: addDays(e.previousEndDate, 1),
            periodEnd: e.newEndDate,
            months: e.months,
            percent: e.subsidyPercent,
            ceilingOre: e.subsidyCeiling,
          })),
        }
      : null,
  };
  return { terms, employmentForm: position.employmentForm, startDate: p.startDate };
}

/** Reads a stored snapshot; stored rows were validated when written, so a failure here is a real defect. */
export function readSnapshot(raw: unknown): ContractSnapshot {
  return contractSnapshotSchema.parse(raw);
}
