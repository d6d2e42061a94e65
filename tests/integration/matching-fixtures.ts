/**
 * Test fixtures for the positions and matching tests: participants, placements and proposals written straight to
 * the test database (those areas have their own tests), positions through the real procedures.
 */
import { insertParticipant } from '../../src/main/store/participants';
import { insertPlacement } from '../../src/main/store/placements';
import { insertProposal } from '../../src/main/store/proposals';
import type { TestApp } from '../helpers/app';
import type { PositionInput } from '../../src/shared/domain/position';
import type { z } from 'zod';
import type { positionInput } from '../../src/shared/domain/position';

export const TODAY = '2026-11-23';
const NOW = '2026-11-23T09:00:00.000Z';

let seq = 0;

export interface ParticipantSeed {
  firstName?: string;
  lastName?: string;
  stage?: string;
  district?: string | null;
  languages?: string[];
  swedishLevel?: string | null;
  educationLevel?: string | null;
  licenceClasses?: string[];
  experienceText?: string | null;
  skills?: string[];
  interests?: string[];
  wishedKinds?: string[];
  availablePercent?: number | null;
  earliestStart?: string | null;
  childrenInHousehold?: number;
  longTermRecipient?: boolean;
  referralDate?: string;
}

export async function addParticipant(t: TestApp, s: ParticipantSeed = {}): Promise<number> {
  seq++;
  const n = seq;
  const row = await t.app.database.tx((tx) =>
    insertParticipant(tx, {
      ref: `2026-${String(n).padStart(4, '0')}`,
      personnummer: `19900101${String(n).padStart(4, '0')}`,
      firstName: s.firstName ?? `Test${n}`,
      lastName: s.lastName ?? 'Person',
      district: s.district ?? null,
      languages: s.languages ?? [],
      swedishLevel: s.swedishLevel === undefined ? 'sfi_d' : s.swedishLevel,
      educationLevel: s.educationLevel ?? null,
      licenceClasses: s.licenceClasses ?? [],
      experienceText: s.experienceText ?? null,
      skills: s.skills ?? [],
      interests: s.interests ?? [],
      wishedKinds: s.wishedKinds ?? [],
      availablePercent: s.availablePercent === undefined ? 100 : s.availablePercent,
      earliestStart: s.earliestStart ?? null,
      childrenInHousehold: s.childrenInHousehold ?? 0,
      longTermRecipient: s.longTermRecipient ?? false,
      referralDate: s.referralDate ?? '2026-06-01',
      stage: s.stage ?? 'matching',
      stageSince: '2026-10-01',
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
  return row.id;
}

export async function addPlacement(
  t: TestApp,
  p: {
    participantId: number;
    positionId: number;
    periodId?: number | null;
    start: string;
    end: string;
    status?: 'active' | 'ended';
    proposalId?: number;
  },
): Promise<number> {
  const row = await t.app.database.tx((tx) =>
    insertPlacement(tx, {
      participantId: p.participantId,
      positionId: p.positionId,
      positionPeriodId: p.periodId ?? null,
      proposalId: p.proposalId ?? null,
      startDate: p.start,
      months: 12,
      endDate: p.end,
      hoursPercent: 100,
      monthlySalary: 2_300_000,
      status: p.status ?? 'active',
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
  return row.id;
}

/** The mapping fields a participant needs before the journey lets them into matching (shared/rules/journey.ts). */
export const COMPLETE_MAPPING: ParticipantSeed = {
  languages: ['arabiska'],
  swedishLevel: 'sfi_c',
  educationLevel: 'upper_secondary',
  experienceText: 'Butiksarbete',
  skills: ['kassa'],
  wishedKinds: ['second_hand'],
  availablePercent: 100,
  earliestStart: '2026-12-01',
};

/** A proposal row in any status (drafts normally come from proposals.create; others from the review area). */
export async function addProposal(
  t: TestApp,
  p: { participantId: number; positionId: number; status: string; periodId?: number | null },
): Promise<number> {
  const row = await t.app.database.tx((tx) =>
    insertProposal(tx, {
      participantId: p.participantId,
      positionId: p.positionId,
      createdAt: NOW,
      score: 50,
      explanation: { positionPeriodId: p.periodId ?? null },
      status: p.status,
      updatedAt: NOW,
    }),
  );
  return row.id;
}

type PositionIn = z.input<typeof positionInput>;

export async function addWorkplace(
  t: TestApp,
  admin: string,
  name = 'Cykelverkstaden Hulta',
  district = 'Hulta',
): Promise<number> {
  return (await t.call('workplaces.create', { name, organisation: 'Borås Stad', district }, admin)).id;
}

export async function addPosition(t: TestApp, admin: string, workplaceId: number, over: Partial<PositionIn> = {}) {
  const input: PositionIn = {
    workplaceId,
    kind: 'bicycle_workshop',
    title: 'Cykelreparatör',
    tasks: 'Reparera skänkta cyklar. Ersätter ingen ordinarie tjänst.',
    hoursPercent: 100,
    slots: 2,
    periodStart: '2026-01-01',
    periodEnd: null,
    employmentForm: 'subsidised_employment',
    ...over,
  };
  return t.call('positions.create', input, admin);
}

export const summerPeriods = (slots: [number, number, number] = [2, 2, 2]): PositionInput['periods'] => [
  { name: 'Period 1', startDate: '2027-06-14', endDate: '2027-07-02', slots: slots[0] },
  { name: 'Period 2', startDate: '2027-07-05', endDate: '2027-07-23', slots: slots[1] },
  { name: 'Period 3', startDate: '2027-07-26', endDate: '2027-08-13', slots: slots[2] },
];
