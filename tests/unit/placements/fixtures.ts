/**
 * Test data for the placement and contract tests (integration tests import it; it is not a test file itself).
 * Rows are written straight to the database so the tests only depend on the placement and contract services and on
 * the rules they call (review guard, participant transitions), not on how other areas create their records.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/main/db/connection';
import {
  participants,
  positionPeriods,
  positions,
  proposals,
  reviewDecisions,
  reviewMeetings,
  subsidyTypes,
  workplaces,
} from '../../../src/main/db/schema';
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
export function insertSubsidyType(
  db: Db,
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
  const existing = db.select({ id: subsidyTypes.id }).from(subsidyTypes).where(eq(subsidyTypes.name, values.name)).get();
  if (existing) return db.update(subsidyTypes).set(values).where(eq(subsidyTypes.id, existing.id)).returning().get();
  return db
    .insert(subsidyTypes)
    .values({ ...values, createdAt: NOW })
    .returning()
    .get();
}

export function insertWorkplace(db: Db, name = 'Cykelverkstaden Sjöbo') {
  return db
    .insert(workplaces)
    .values({
      name,
      organisation: 'Borås Stad, Arbetslivsförvaltningen',
      address: 'Sjöbo Torg 7, 506 41 Borås',
      district: 'Sjöbo',
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning()
    .get();
}

export function insertPosition(
  db: Db,
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
  return db
    .insert(positions)
    .values({
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
    })
    .returning()
    .get();
}

export function insertPeriod(
  db: Db,
  positionId: number,
  name: string,
  startDate: string,
  endDate: string,
  slots: number,
) {
  return db.insert(positionPeriods).values({ positionId, name, startDate, endDate, slots }).returning().get();
}

export interface SocialCase {
  monthlyAssistanceOre: number;
  childrenInHousehold: number;
  restrictions: string;
  caseNotes: string;
}

let refCounter = 0;
export function insertParticipant(
  db: Db,
  o: {
    firstName?: string;
    lastName?: string;
    stage?: string;
    social?: Partial<SocialCase>;
    coordinatorId?: number | null;
  } = {},
) {
  refCounter++;
  return db
    .insert(participants)
    .values({
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
    })
    .returning()
    .get();
}

/**
 * An approved proposal. With `review`, it is approved the way the review records it (a closed meeting with an
 * approving decision), as the guard requires for positions with union review.
 */
export function insertProposal(
  db: Db,
  o: {
    participantId: number;
    positionId: number;
    status?: string;
    review?: 'approve' | 'veto';
    periodId?: number | null;
  },
) {
  const proposal = db
    .insert(proposals)
    .values({
      participantId: o.participantId,
      positionId: o.positionId,
      createdAt: NOW,
      score: 70,
      explanation: { positionPeriodId: o.periodId ?? null },
      status: o.status ?? 'approved',
      submittedAt: NOW,
      updatedAt: NOW,
    })
    .returning()
    .get();
  if (o.review) {
    let meeting = db.select().from(reviewMeetings).where(eq(reviewMeetings.date, '2026-11-17')).get();
    meeting ??= db
      .insert(reviewMeetings)
      .values({
        date: '2026-11-17',
        plannedDate: '2026-11-17',
        time: '09:00',
        place: 'Jobb Borås, Åsbogatan 4',
        cutoffDate: '2026-11-13',
        status: 'closed',
        closedAt: NOW,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning()
      .get();
    db.insert(reviewDecisions)
      .values({
        meetingId: meeting.id,
        proposalId: proposal.id,
        decision: o.review,
        reasonCategory: o.review === 'veto' ? 'other' : null,
        text: o.review === 'veto' ? 'Ersätter ordinarie tjänst.' : null,
        decidedAt: NOW,
        recordedAt: NOW,
      })
      .run();
    db.update(proposals).set({ reviewMeetingId: meeting.id }).where(eq(proposals.id, proposal.id)).run();
  }
  return proposal;
}

/** A participant with an approved proposal for the position, ready to be placed. */
export function readyToPlace(
  db: Db,
  positionId: number,
  o: Parameters<typeof insertParticipant>[1] & { review?: 'approve' | 'veto'; periodId?: number } = {},
) {
  const participant = insertParticipant(db, o);
  const proposal = insertProposal(db, {
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
