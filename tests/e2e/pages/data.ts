import { subsidyEndDate } from '../../../src/shared/rules/subsidy';
import { E2E_TODAY } from '../fixtures';
import type { Api, Out } from './api';

/** The hosts' "today" in Europe/Stockholm (the suite runs on a pinned clock, tests/e2e/fixtures.ts). */
export const today = (): string => E2E_TODAY;

/**
 * A valid personnummer (Luhn check digit) born on yymmdd with serial nnn, as 'YYMMDD-NNNC'. Serials 5xx are not on
 * Skatteverket's test list and are only used for people a test creates and removes with its data folder.
 */
export function personnummer(yymmdd: string, nnn: string): string {
  const nine = yymmdd + nnn;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yymmdd}-${nnn}${(10 - (sum % 10)) % 10}`;
}

/** Registers a referred participant through the API; returns the id. */
export async function registerParticipant(
  api: Api,
  p: { pnr: string; firstName: string; lastName: string },
): Promise<number> {
  const created = await api.call('participants.create', {
    personnummer: p.pnr,
    firstName: p.firstName,
    lastName: p.lastName,
    referralDate: today(),
    caseworkerName: 'Maja Strand',
    caseworkerUnit: 'Försörjningsstöd Centrum',
  });
  return created.id;
}

export type Prefill = Out<'placements.prefill'>;

/** A twelve-month employment from the suggested start ends within the position's period. */
const fitsTwelveMonths = (p: Prefill) => p.periodEnd === null || subsidyEndDate(p.suggestedStart, 12) <= p.periodEnd;

/** An approved proposal from the demo data that can become a twelve-month subsidised employment now. */
export async function placeableProposal(coord: Api): Promise<Prefill> {
  const approved = await coord.call('proposals.list', { statuses: ['approved'], limit: 100 });
  for (const p of approved.rows) {
    const r = await coord.server.api<Prefill>('placements.prefill', { proposalId: p.id }, coord.token);
    if (
      r.body.ok &&
      r.body.value.employmentForm === 'subsidised_employment' &&
      r.body.value.fullPeriods.length === 0 &&
      fitsTwelveMonths(r.body.value)
    )
      return r.body.value;
  }
  throw new Error('Demodata saknar ett godkänt förslag utan placering.');
}
