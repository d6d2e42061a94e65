import type { AllocationApplicant, AllocationInstance, AllocationPosition } from '../../../src/main/summer-jobs/model';

/** Season 2027: P1 starts Monday of week 25, P2 of week 28, P3 of week 31. */
export const PERIODS = [
  { id: 'P1', start: '2027-06-21' },
  { id: 'P2', start: '2027-07-12' },
  { id: 'P3', start: '2027-08-02' },
];

export function position(id: string, over: Partial<AllocationPosition> = {}): AllocationPosition {
  return { id, area: 'park', minAge: 15, hoursPerDay: 6, childFacing: false, slots: { P1: 1 }, ...over };
}

export function applicant(id: string | number, over: Partial<AllocationApplicant> = {}): AllocationApplicant {
  return {
    id,
    birthDate: '2010-05-01',
    tier: 1,
    wishes: ['park'],
    anyArea: false,
    periods: ['P1', 'P2', 'P3'],
    recordShown: false,
    ...over,
  };
}

export function instance(
  positions: AllocationPosition[],
  applicants: AllocationApplicant[],
  over: Partial<AllocationInstance> = {},
): AllocationInstance {
  return { seed: 'feriearbete-2027', referenceDate: '2027-03-15', periods: PERIODS, positions, applicants, ...over };
}
