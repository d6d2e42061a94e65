/**
 * Small, explicit fixtures for the review tests: workplaces, positions, participants and draft proposals written
 * straight into the database, so each test controls exactly what is on an agenda.
 */
import type { Database } from '../../../src/main/store';
import { eventsOfParticipant, insertParticipant, stageOf as stageOfRow } from '../../../src/main/store/participants';
import { insertPosition, insertWorkplace, type PositionInsert } from '../../../src/main/store/positions';
import { insertProposal } from '../../../src/main/store/proposals';
import { insertRow } from '../../../src/main/store/record';

const NOW = '2026-11-01T08:00:00.000Z';

export interface World {
  subsidyTypeId: number;
  workplaceId: number;
  /** Employment with wage subsidy: union review required. */
  positionId: number;
  /** A second reviewed position at another workplace. */
  position2Id: number;
  /** Work training without employment: no union review. */
  trainingPositionId: number;
}

export async function seedWorld(db: Database): Promise<World> {
  return db.tx(async (t) => {
    const st = await insertRow(t, 'subsidyTypes', {
      name: 'Testlönestöd',
      maxMonths: 24,
      defaultPercent: 80,
      monthlyCeiling: 20_000_00,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const wp = await insertWorkplace(t, {
      name: 'Återbruket Norrby',
      organisation: 'Borås Stad, Jobb Borås',
      address: 'Norrbyvägen 12',
      district: 'Norrby',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const wp2 = await insertWorkplace(t, {
      name: 'Snickeriet Sjöbo',
      organisation: 'Borås Stad, Jobb Borås',
      address: 'Sjöbo torg 3',
      district: 'Sjöbo',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const pos = async (v: Partial<PositionInsert> & { workplaceId: number; title: string }) =>
      (
        await insertPosition(t, {
          kind: 'bicycle_workshop',
          tasks: 'Enklare cykelreparationer under handledning, sortering av reservdelar.',
          supervisorName: 'Lars Handledare',
          hoursPercent: 75,
          slots: 3,
          periodStart: '2027-01-04',
          periodEnd: '2027-12-31',
          employmentForm: 'subsidised_employment',
          unionReviewRequired: true,
          subsidyTypeId: st.id,
          createdAt: NOW,
          updatedAt: NOW,
          ...v,
        })
      ).id;
    return {
      subsidyTypeId: st.id,
      workplaceId: wp.id,
      positionId: await pos({ workplaceId: wp.id, title: 'Cykelmekaniker, extratjänst' }),
      position2Id: await pos({
        workplaceId: wp2.id,
        title: 'Snickare, möbelrenovering',
        kind: 'carpentry',
        tasks: 'Renovering av begagnade möbler.',
      }),
      trainingPositionId: await pos({
        workplaceId: wp.id,
        title: 'Arbetsträning second hand',
        kind: 'second_hand',
        employmentForm: 'work_training',
        unionReviewRequired: false,
        subsidyTypeId: null,
      }),
    };
  });
}

export interface PersonFixture {
  id: number;
  ref: string;
  firstName: string;
  lastName: string;
  personnummer: string;
}

let counter = 0;
export async function addParticipant(
  db: Database,
  v: {
    ref: string;
    firstName: string;
    lastName: string;
    personnummer: string;
    stage?: string;
    phone?: string;
    email?: string;
    address?: string;
  },
): Promise<PersonFixture> {
  counter++;
  const row = await db.tx((t) =>
    insertParticipant(t, {
      ref: v.ref,
      personnummer: v.personnummer,
      firstName: v.firstName,
      lastName: v.lastName,
      phone: v.phone ?? `070-555 ${String(1000 + counter).slice(-4)}`,
      email: v.email ?? `${v.firstName.toLowerCase()}.${v.lastName.toLowerCase()}@example.se`,
      address: v.address ?? `Testgatan ${counter}`,
      district: 'Norrby',
      referralDate: '2026-06-01',
      stage: v.stage ?? 'matching',
      stageSince: '2026-10-01',
      restrictions: 'Ryggbesvär, undvik tunga lyft',
      monthlyAssistance: 987_654,
      childrenInHousehold: 2,
      caseNotes: 'Hemlig anteckning om ärendet',
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
  return { id: row.id, ref: row.ref, firstName: row.firstName, lastName: row.lastName, personnummer: row.personnummer };
}

export async function addDraft(db: Database, participantId: number, positionId: number): Promise<number> {
  const row = await db.tx((t) =>
    insertProposal(t, {
      participantId,
      positionId,
      createdAt: NOW,
      score: 70,
      explanation: {
        version: 1,
        score: 70,
        max: 100,
        eligible: true,
        criteria: [],
        excluded: [],
        startDate: null,
        computedOn: '2026-11-01',
        weights: {},
        positionPeriodId: null,
        periodName: null,
      },
      status: 'draft',
      updatedAt: NOW,
    }),
  );
  return row.id;
}

export async function stageOf(db: Database, participantId: number): Promise<string> {
  return (await stageOfRow(db, participantId))!;
}

/** The participant's timeline rows, oldest first. */
export async function timelineOf(db: Database, participantId: number) {
  return (await eventsOfParticipant(db, participantId)).reverse();
}

export const TUESDAY_EVEN = {
  weekday: 2 as const,
  parity: 'even' as const,
  time: '09:00',
  place: 'Jobb Borås, Sandwalls plats 4, rum Ågården',
  cutoffWorkingDays: 2,
};
