/**
 * Test data for the placement and contract tests (integration tests import it; it is not a test file itself).
 * Rows are written straight to the database so the tests only depend on the placement and contract services and on
 * the rules they call (review guard, participant transitions), not on how other areas create their records.
 */
import type { Database } from '../../../src/main/store';
import { insertParticipant as insertParticipantRow } from '../../../src/main/store/participants';
import {
  insertPeriod as insertPeriodRow,
  insertPosition as insertPositionRow,
  insertWorkplace as insertWorkplaceRow,
} from '../../../src/main/store/positions';
import { insertProposal as insertProposalRow, updateProposal } from '../../../src/main/store/proposals';
import { insertDecision, insertMeeting, meetingOnDate } from '../../../src/main/store/review';
import { updateRow, insertRow } from '../../../src/main/store/record';
import { findSubsidyTypeByName } from '../../../src/main/store/subsidy-types';
import { skatteverketTestNumbers } from '../../../src/main/demo/context';

const NOW = '2026-11-23T09:00:00.000Z';

let pnrIndex = 0;
/** A real test personnummer from Skatteverket's list (belongs to no one), different on each call. */
export function testPnr(): string {
  const all = skatteverketTestNumbers().filter((n) => n.startsWith('19'));
  return all[pnrIndex++ % all.length]!;
}

/**
 * A subsidy type with the given figures. A fresh installation already has the editable examples (created with the
 * first admin), so a type of the same name is set to these figures instead of inserted twice.
 */
export async function insertSubsidyType(
  db: Database,
  o: { name?: string; maxMonths?: number; defaultPercent?: number; ceilingOre?: number } = {},
) {
  const values = {
    name: o.name ?? 'Kommunal anställning med lönestöd',
    maxMonths: o.maxMonths ?? 24,
    defaultPercent: o.defaultPercent ?? 80,
    monthlyCeiling: o.ceilingOre ?? 20_000_00,
    notes: null,
    active: true,
    updatedAt: NOW,
  };
  return db.tx(async (t) => {
    const existing = await findSubsidyTypeByName(t, values.name);
    if (existing) return updateRow(t, 'subsidyTypes', existing.id, values);
    return insertRow(t, 'subsidyTypes', { ...values, createdAt: NOW });
  });
}

export function insertWorkplace(db: Database, name = 'Cykelverkstaden Sjöbo') {
  return db.tx((t) =>
    insertWorkplaceRow(t, {
      name,
      organisation: 'Borås Stad, Arbetslivsförvaltningen',
      address: 'Sjöbo Torg 7, 506 41 Borås',
      district: 'Sjöbo',
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
}

export function insertPosition(
  db: Database,
  o: {
    workplaceId: number;
    title?: string;
    slots?: number;
    form?: 'subsidised_employment' | 'work_training' | 'summer_job';
    subsidyTypeId?: number | null;
    unionReviewRequired?: boolean;
    periodStart?: string;
    periodEnd?: string | null;
    active?: boolean;
  },
) {
  const form = o.form ?? 'subsidised_employment';
  return db.tx((t) =>
    insertPositionRow(t, {
      workplaceId: o.workplaceId,
      kind: form === 'summer_job' ? 'summer_job' : 'bicycle_workshop',
      title: o.title ?? 'Cykelmekaniker',
      tasks: 'Reparera och rusta lånecyklar, hålla ordning i verkstaden.',
      supervisorName: 'Göran Ängström',
      hoursPercent: 100,
      slots: o.slots ?? 1,
      periodStart: o.periodStart ?? '2026-01-01',
      periodEnd: o.periodEnd ?? null,
      employmentForm: form,
      unionReviewRequired: o.unionReviewRequired ?? false,
      subsidyTypeId: o.subsidyTypeId ?? null,
      active: o.active ?? true,
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
}

export function insertPeriod(
  db: Database,
  positionId: number,
  name: string,
  startDate: string,
  endDate: string,
  slots: number,
) {
  return db.tx((t) => insertPeriodRow(t, { positionId, name, startDate, endDate, slots }));
}

export interface SocialCase {
  monthlyAssistanceOre: number;
  childrenInHousehold: number;
  restrictions: string;
  caseNotes: string;
}

let refCounter = 0;
export function insertParticipant(
  db: Database,
  o: {
    firstName?: string;
    lastName?: string;
    stage?: string;
    social?: Partial<SocialCase>;
    coordinatorId?: number | null;
  } = {},
) {
  refCounter++;
  return db.tx((t) =>
    insertParticipantRow(t, {
      ref: `2026-${String(9000 + refCounter)}`,
      personnummer: testPnr(),
      firstName: o.firstName ?? 'Åsa',
      lastName: o.lastName ?? `Öberg${refCounter}`,
      phone: '070-123 45 67',
      address: 'Skaraborgsvägen 3 B',
      postalCode: '506 30',
      city: 'Borås',
      district: 'Norrby',
      referralDate: '2026-01-15',
      stage: o.stage ?? 'approved',
      stageSince: '2026-11-01',
      monthlyAssistance: o.social?.monthlyAssistanceOre ?? 9_317_00,
      childrenInHousehold: o.social?.childrenInHousehold ?? 0,
      longTermRecipient: true,
      restrictions: o.social?.restrictions ?? null,
      caseNotes: o.social?.caseNotes ?? null,
      coordinatorId: o.coordinatorId ?? null,
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
}

/**
 * An approved proposal. With `review`, it is approved the way the review records it (a closed meeting with an
 * approving decision), as the guard requires for positions with union review.
 */
export async function insertProposal(
  db: Database,
  o: {
    participantId: number;
    positionId: number;
    status?: string;
    review?: 'approve' | 'veto';
    periodId?: number | null;
  },
) {
  return db.tx(async (t) => {
    const proposal = await insertProposalRow(t, {
      participantId: o.participantId,
      positionId: o.positionId,
      createdAt: NOW,
      score: 70,
      explanation: { positionPeriodId: o.periodId ?? null },
      status: o.status ?? 'approved',
      submittedAt: NOW,
      updatedAt: NOW,
    });
    if (!o.review) return proposal;
    const meeting =
      (await meetingOnDate(t, '2026-11-17')) ??
      (await insertMeeting(t, {
        date: '2026-11-17',
        plannedDate: '2026-11-17',
        time: '09:00',
        place: 'Jobb Borås, Åsbogatan 4',
        cutoffDate: '2026-11-13',
        status: 'closed',
        closedAt: NOW,
        createdAt: NOW,
        updatedAt: NOW,
      }));
    await insertDecision(t, {
      meetingId: meeting.id,
      proposalId: proposal.id,
      decision: o.review,
      reasonCategory: o.review === 'veto' ? 'other' : null,
      text: o.review === 'veto' ? 'Ersätter ordinarie tjänst.' : null,
      decidedAt: NOW,
      recordedAt: NOW,
    });
    return updateProposal(t, proposal.id, { reviewMeetingId: meeting.id });
  });
}

/** A participant with an approved proposal for the position, ready to be placed. */
export async function readyToPlace(
  db: Database,
  positionId: number,
  o: Parameters<typeof insertParticipant>[1] & { review?: 'approve' | 'veto'; periodId?: number } = {},
) {
  const participant = await insertParticipant(db, o);
  const proposal = await insertProposal(db, {
    participantId: participant.id,
    positionId,
    review: o.review,
    periodId: o.periodId ?? null,
  });
  return { participant, proposal };
}

/** Valid create input for a subsidised employment. */
export function createInput(proposalId: number, o: Record<string, unknown> = {}) {
  return {
    proposalId,
    startDate: '2026-12-01',
    months: 12,
    hoursPercent: 100,
    monthlySalaryOre: 24_500_00,
    collectiveAgreement: 'BEA',
    afDecisionNumber: 'AF-2026-11873',
    afDecisionDate: '2026-11-20',
    ...o,
  };
}
