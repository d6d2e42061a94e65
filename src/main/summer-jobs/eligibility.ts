/**
 * Eligibility for a summer-job season (docs/summer-jobs.md, "Eligibility"), decided before the allocation run with
 * a Swedish reason per applicant. Pure; every figure is a season setting.
 */
import { isoDateParts, type IsoDate } from '../../shared/rules/dates';
import { ageOn } from './allocate';

export type SeasonEligibilityRules = {
  /** Birth years that may apply, inclusive (e.g. 2009–2011 for 2027). */
  birthYears: { from: number; to: number };
  /** Only youths registered (folkbokförda) in Borås may apply. */
  residenceRequired: boolean;
  /** An earlier municipal summer job excludes. */
  earlierSummerJobExcludes: boolean;
  /** Optional age limits on `ageReferenceDate` (usually the first period's start). */
  minAge?: number | null;
  maxAge?: number | null;
  ageReferenceDate: IsoDate;
};

export type EligibilityApplicant = {
  birthDate: IsoDate;
  /** Folkbokförd i Borås: true, false, or null when not known (not yet checked). */
  registeredInBoras: boolean | null;
  /** Has had a municipal summer job in an earlier season. */
  hadEarlierSummerJob: boolean;
};

export type EligibilityReason =
  | { code: 'birth_year'; birthYear: number; from: number; to: number }
  | { code: 'not_resident' }
  | { code: 'residence_unknown' }
  | { code: 'earlier_summer_job' }
  | { code: 'too_young'; age: number; minAge: number; on: IsoDate }
  | { code: 'too_old'; age: number; maxAge: number; on: IsoDate };

export type EligibilityResult = {
  eligible: boolean;
  /** Every reason that applies (empty when eligible). */
  reasons: EligibilityReason[];
  /** The reasons in Swedish, one sentence each. */
  messages: string[];
};

export function eligibilityReasonText(reason: EligibilityReason): string {
  switch (reason.code) {
    case 'birth_year':
      return reason.from === reason.to
        ? `Född ${reason.birthYear}: säsongen gäller den som är född ${reason.from}.`
        : `Född ${reason.birthYear}: säsongen gäller den som är född ${reason.from}–${reason.to}.`;
    case 'not_resident':
      return 'Inte folkbokförd i Borås: säsongen kräver folkbokföring i Borås.';
    case 'residence_unknown':
      return 'Folkbokföringen är inte kontrollerad: säsongen kräver folkbokföring i Borås.';
    case 'earlier_summer_job':
      return 'Har redan haft feriearbete i kommunen: säsongen tar inte emot den som haft det tidigare.';
    case 'too_young':
      return `${reason.age} år den ${reason.on}: lägsta ålder är ${reason.minAge} år.`;
    case 'too_old':
      return `${reason.age} år den ${reason.on}: högsta ålder är ${reason.maxAge} år.`;
  }
}

/** Checks one applicant against the season's rules; all reasons are reported, not only the first. */
export function checkEligibility(rules: SeasonEligibilityRules, applicant: EligibilityApplicant): EligibilityResult {
  const reasons: EligibilityReason[] = [];
  const birthYear = isoDateParts(applicant.birthDate).year;
  if (birthYear < rules.birthYears.from || birthYear > rules.birthYears.to) {
    reasons.push({ code: 'birth_year', birthYear, from: rules.birthYears.from, to: rules.birthYears.to });
  }
  if (rules.residenceRequired) {
    if (applicant.registeredInBoras === false) reasons.push({ code: 'not_resident' });
    else if (applicant.registeredInBoras === null) reasons.push({ code: 'residence_unknown' });
  }
  if (rules.earlierSummerJobExcludes && applicant.hadEarlierSummerJob) reasons.push({ code: 'earlier_summer_job' });
  const age = ageOn(applicant.birthDate, rules.ageReferenceDate);
  if (rules.minAge != null && age < rules.minAge) {
    reasons.push({ code: 'too_young', age, minAge: rules.minAge, on: rules.ageReferenceDate });
  }
  if (rules.maxAge != null && age > rules.maxAge) {
    reasons.push({ code: 'too_old', age, maxAge: rules.maxAge, on: rules.ageReferenceDate });
  }
  return { eligible: reasons.length === 0, reasons, messages: reasons.map(eligibilityReasonText) };
}

/**
 * Whether an extract from the criminal-record register shown on `shownOn` is still valid on `periodStart`: it may
 * be at most `maxAgeMonths` (default 12) old on the period's first day. Only that and when it was shown are recorded,
 * never its content.
 */
export function recordExtractValid(shownOn: IsoDate | null, periodStart: IsoDate, maxAgeMonths = 12): boolean {
  if (shownOn === null || shownOn > periodStart) return false;
  const s = isoDateParts(shownOn);
  const p = isoDateParts(periodStart);
  const months = (p.year - s.year) * 12 + (p.month - s.month) - (p.day < s.day ? 1 : 0);
  return months < maxAgeMonths || (months === maxAgeMonths && p.day === s.day);
}
