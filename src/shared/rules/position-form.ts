/**
 * How a position's fields depend on each other while it is written (docs/product.md §3), so the form does not
 * decide it: a summer job is always employed as a summer job and has periods; other kinds are work training or
 * employment with a wage subsidy; only the latter has a subsidy type; union review defaults to yes for employment
 * until the user chooses. The service checks the same with `positionInputProblems` (domain/position.ts). Pure.
 */
import {
  EMPLOYMENT_FORMS,
  defaultUnionReviewRequired,
  type EmploymentForm,
  type PositionKind,
} from '../domain/position';
import { addDays, isValidIsoDate } from './dates';

/** The employment forms a kind of position can have. */
export function employmentFormsFor(kind: PositionKind | '' | null): readonly EmploymentForm[] {
  if (kind === 'summer_job') return ['summer_job'];
  return EMPLOYMENT_FORMS.filter((f) => f !== 'summer_job');
}

export interface PositionCoupling {
  kind: PositionKind | '';
  employmentForm: EmploymentForm | '';
  /** '' for none. */
  subsidyTypeId: string;
  unionReviewRequired: boolean;
  /** Whether the user has chosen union review themselves (then it is left alone). */
  unionChosen: boolean;
  /** How many periods the position has (a summer job needs at least one). */
  periodCount: number;
}

/** The fields after the kind or the employment form changed; `addPeriod` when a summer job needs its first period. */
export function couplePositionFields(next: PositionCoupling): PositionCoupling & { addPeriod: boolean } {
  const out = { ...next, addPeriod: false };
  const allowed = employmentFormsFor(out.kind);
  if (out.kind === 'summer_job') out.employmentForm = 'summer_job';
  else if (out.employmentForm !== '' && !allowed.includes(out.employmentForm)) out.employmentForm = '';
  if (out.employmentForm !== 'subsidised_employment') out.subsidyTypeId = '';
  if (!out.unionChosen && out.employmentForm !== '')
    out.unionReviewRequired = defaultUnionReviewRequired(out.employmentForm);
  if (out.kind === 'summer_job' && out.periodCount === 0) out.addPeriod = true;
  return out;
}

export interface PeriodDraft {
  name: string;
  startDate: string;
  endDate: string;
  slots: string;
}

/**
 * A new summer-job period after the existing ones: it starts the Monday after the last one ends (three days after
 * a Friday) and lasts three weeks, Monday to Friday; it has the last period's slots. Without a last period (or with
 * an impossible date typed there) its dates are left empty.
 */
export function nextPeriod(existing: readonly PeriodDraft[]): PeriodDraft {
  const last = existing[existing.length - 1];
  let startDate = '';
  let endDate = '';
  if (last && isValidIsoDate(last.endDate)) {
    startDate = addDays(last.endDate, 3);
    endDate = addDays(startDate, 18);
  }
  return { name: `Period ${existing.length + 1}`, startDate, endDate, slots: last?.slots ?? '1' };
}
