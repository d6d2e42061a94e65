import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/main/store';
import { engineTables, q } from '../helpers/db';

const { exitFollowUps } = engineTables();
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { queryAudit } from '../../src/main/store/audit';
import {
  createInput,
  insertPeriod,
  insertPosition,
  insertProposal,
  insertSubsidyType,
  insertWorkplace,
  readyToPlace,
} from '../unit/placements/fixtures';

let t: TestApp;
let coord: string;
let db: Database;
let typeId: number;
let workplaceId: number;

beforeEach(async () => {
  t = await createTestApp(); // today is 2026-11-23 (Europe/Stockholm)
  coord = await t.userWithRoles('kim', ['coordinator']);
  db = t.app.database;
  typeId = (await insertSubsidyType(db, { maxMonths: 24 })).id;
  workplaceId = (await insertWorkplace(db)).id;
});
afterEach(() => t.close());

const position = (o: Partial<Parameters<typeof insertPosition>[1]> = {}) =>
  insertPosition(db, { workplaceId, subsidyTypeId: typeId, ...o });
/** Moves the pinned clock and logs in again (sessions expire after 30 idle minutes). */
async function jump(iso: string) {
  t.clock.set(iso);
  coord = (await t.call('auth.login', { username: 'kim', password: TEST_PASSWORD })).token;
}
const stageOf = async (id: number) => {
  const { db: d, participants } = q(db);
  return (await d.select({ s: participants.stage }).from(participants).where(eq(participants.id, id)))[0]?.s;
};
const placementCount = async () => (await q(db).db.select().from(q(db).placements)).length;

async function refused(name: Parameters<TestApp['callRaw']>[0], input: unknown, token = coord) {
  const r = await t.callRaw(name, input, token);
  if (r.ok) throw new Error(`${name} should have been refused`);
  return r.error;
}

describe('creating a placement from an approved proposal', () => {
  it('computes the end date, takes the decision defaults from the subsidy type and moves the person to placed', async () => {
    const pos = await position();
    const { participant, proposal } = await readyToPlace(db, pos.id);
    const p = await t.call(
      'placements.create',
      createInput(proposal.id, { subsidyPercent: undefined, subsidyCeilingOre: undefined }),
      coord,
    );
    expect(p).toMatchObject({
      participantId: participant.id,
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      months: 12,
      totalMonths: 12,
      maxMonths: 24,
      remainingMonths: 12,
      subsidyPercent: 80,
      subsidyCeilingOre: 20_000_00,
      monthlySalaryOre: 24_500_00,
      status: 'active',
      phase: 'upcoming',
      nextFollowUpDate: '2027-01-01',
      contractStatus: null,
    });
    expect(await stageOf(participant.id)).toBe('placed');
    const audit = await queryAudit(t.app.database, {
      entity: 'placement',
      entityId: String(p.id),
      offset: 0,
      limit: 10,
    });
    expect(audit.rows[0]?.changes?.endDate).toEqual({ before: null, after: '2027-11-30' });
  });

  it('clamps the end at month end: 31 January + 13 months ends 29 February 2028', async () => {
    const { proposal } = await readyToPlace(db, (await position()).id);
    const p = await t.call(
      'placements.create',
      createInput(proposal.id, { startDate: '2027-01-31', months: 13 }),
      coord,
    );
    expect(p.endDate).toBe('2028-02-29');
    expect(p.decisionPeriodEnd).toBe('2028-02-29');
  });

  it('allows 24 months when the type allows it and refuses more, in Swedish, saving nothing', async () => {
    const pos = await position({ slots: 2 });
    const a = await readyToPlace(db, pos.id);
    expect((await t.call('placements.create', createInput(a.proposal.id, { months: 24 }), coord)).endDate).toBe(
      '2028-11-30',
    );
    const b = await readyToPlace(db, pos.id);
    const err = await refused('placements.create', createInput(b.proposal.id, { months: 25 }));
    expect(err).toMatchObject({ code: 'RULE', field: 'months' });
    expect(err.message).toBe(
      'Placeringen på 25 månader är längre än stödformen Kommunal anställning med lönestöd tillåter (högst 24 månader).',
    );
    expect(await placementCount()).toBe(1);
    expect(await stageOf(b.participant.id)).toBe('approved');
  });

  it('refuses a vetoed proposal and one still waiting for review (docs/product.md §4 rule 1)', async () => {
    const pos = await position({ unionReviewRequired: true, slots: 5 });
    const vetoed = await readyToPlace(db, pos.id, { review: 'veto' });
    const errVeto = await refused('placements.create', createInput(vetoed.proposal.id));
    expect(errVeto.code).toBe('RULE');
    expect(errVeto.message).toMatch(/veto/);
    const approved = await readyToPlace(db, pos.id, { review: 'approve' });
    await t.call('placements.create', createInput(approved.proposal.id), coord);
    expect(await placementCount()).toBe(1);
    expect(await refused('placements.create', createInput(approved.proposal.id))).toMatchObject({ code: 'CONFLICT' });
  });

  it('names the missing field in Swedish for a subsidised employment without a decision', async () => {
    const { proposal } = await readyToPlace(db, (await position()).id);
    const err = await refused('placements.create', createInput(proposal.id, { afDecisionNumber: '' }));
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'afDecisionNumber' });
    expect(err.message).toMatch(/beslutsnummer måste anges/);
    const late = await refused('placements.create', createInput(proposal.id, { afDecisionDate: '2026-12-24' }));
    expect(late).toMatchObject({ code: 'RULE', message: 'Beslutsdatum kan inte ligga i framtiden.' });
    const badDate = await refused('placements.create', createInput(proposal.id, { startDate: '2027-02-29' }));
    expect(badDate).toMatchObject({ code: 'VALIDATION', field: 'startDate' });
    expect(badDate.message).toMatch(/^Startdatum: /);
    expect(await placementCount()).toBe(0);
  });

  it('keeps the placement within the position period', async () => {
    const pos = await position({ periodStart: '2026-01-01', periodEnd: '2027-06-30' });
    const { proposal } = await readyToPlace(db, pos.id);
    const err = await refused('placements.create', createInput(proposal.id));
    expect(err.message).toBe(
      'Platsen finns till och med 2027-06-30, men placeringen skulle sluta 2027-11-30. Välj en kortare längd eller ett tidigare startdatum.',
    );
    expect((await t.call('placements.create', createInput(proposal.id, { months: 6 }), coord)).endDate).toBe(
      '2027-05-31',
    );
  });

  it('HR and the union may not create placements', async () => {
    const hr = await t.userWithRoles('eva', ['hr']);
    const { proposal } = await readyToPlace(db, (await position()).id);
    expect(await refused('placements.create', createInput(proposal.id), hr)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('placements.dashboard', {}, hr)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('capacity in every overlapping period and one active placement per person (docs/product.md §4 rule 5)', () => {
  it('refuses a placement that would overlap a full position, accepts one that starts after', async () => {
    const pos = await position({ slots: 1 });
    const a = await readyToPlace(db, pos.id);
    await t.call('placements.create', createInput(a.proposal.id), coord); // 2026-12-01 – 2027-11-30
    const b = await readyToPlace(db, pos.id);
    const err = await refused('placements.create', createInput(b.proposal.id, { startDate: '2027-11-30', months: 12 }));
    expect(err).toMatchObject({ code: 'RULE', field: 'startDate' });
    expect(err.message).toBe(
      'Platsen har 1 plats och de är redan upptagna den 2027-11-30 (1 placering). Välj ett annat startdatum, en kortare period eller en annan plats.',
    );
    const ok = await t.call('placements.create', createInput(b.proposal.id, { startDate: '2027-12-01' }), coord);
    expect(ok.startDate).toBe('2027-12-01');
  });

  it('counts overlaps per period: two slots hold two overlapping placements, never three', async () => {
    const pos = await position({ slots: 2 });
    const [a, b, c] = [await readyToPlace(db, pos.id), await readyToPlace(db, pos.id), await readyToPlace(db, pos.id)];
    await t.call('placements.create', createInput(a.proposal.id, { startDate: '2026-12-01', months: 6 }), coord); // → 2027-05-31
    await t.call('placements.create', createInput(b.proposal.id, { startDate: '2027-03-01', months: 12 }), coord); // → 2028-02-29
    const err = await refused('placements.create', createInput(c.proposal.id, { startDate: '2027-01-01', months: 12 }));
    expect(err.message).toMatch(
      /^Platsen har 2 platser och de är redan upptagna 2027-03-01–2027-05-31 \(2 placeringar\)/,
    );
    await t.call('placements.create', createInput(c.proposal.id, { startDate: '2027-06-01', months: 12 }), coord);
  });

  it('a placement ended early frees its slot for the rest of the period', async () => {
    await jump('2027-03-15T09:00:00Z');
    const pos = await position({ slots: 1 });
    const a = await readyToPlace(db, pos.id);
    const pa = await t.call(
      'placements.create',
      createInput(a.proposal.id, { startDate: '2026-12-01', afDecisionDate: '2026-11-20' }),
      coord,
    );
    const b = await readyToPlace(db, pos.id);
    expect((await refused('placements.create', createInput(b.proposal.id, { startDate: '2027-04-01' }))).code).toBe(
      'RULE',
    );
    await t.call('placements.end', { id: pa.id, date: '2027-03-15', outcome: 'ordinary_job' }, coord);
    await t.call('placements.create', createInput(b.proposal.id, { startDate: '2027-03-16' }), coord);
  });

  it('refuses a second active placement for the same person, but a summer job is apart', async () => {
    const p1 = await position({ title: 'Cykelmekaniker', slots: 3 });
    const p2 = await position({ title: 'Snickare', slots: 3 });
    const { participant, proposal } = await readyToPlace(db, p1.id);
    await t.call('placements.create', createInput(proposal.id), coord);
    const second = await insertProposal(db, { participantId: participant.id, positionId: p2.id });
    const err = await refused('placements.create', createInput(second.id));
    expect(err).toMatchObject({ code: 'RULE' });
    expect(err.message).toBe(
      'Deltagaren har redan en pågående placering (Cykelmekaniker, 2026-12-01–2027-11-30). En deltagare kan bara ha en placering åt gången; avsluta den först.',
    );

    const summer = await position({ title: 'Parkarbete', form: 'summer_job', subsidyTypeId: null, slots: 1 });
    const period = await insertPeriod(db, summer.id, 'Period 1', '2027-06-14', '2027-07-02', 1);
    const summerProposal = await insertProposal(db, {
      participantId: participant.id,
      positionId: summer.id,
      periodId: period.id,
    });
    const sj = await t.call(
      'placements.create',
      createInput(summerProposal.id, {
        startDate: '2027-06-14',
        months: undefined,
        subsidyTypeId: null,
        afDecisionNumber: null,
        afDecisionDate: null,
        monthlySalaryOre: 18_000_00,
      }),
      coord,
    );
    expect(sj).toMatchObject({
      endDate: '2027-07-02',
      employmentForm: 'summer_job',
      periodName: 'Period 1',
      months: 0,
    });
    expect(await stageOf(participant.id)).toBe('placed');
  });

  it('summer-job capacity is per period', async () => {
    const summer = await position({ title: 'Parkarbete', form: 'summer_job', subsidyTypeId: null, slots: 2 });
    const p1 = await insertPeriod(db, summer.id, 'Period 1', '2027-06-14', '2027-07-02', 1);
    const p2 = await insertPeriod(db, summer.id, 'Period 2', '2027-07-05', '2027-07-23', 1);
    const input = (proposalId: number, start: string, periodId: number) =>
      createInput(proposalId, {
        startDate: start,
        months: undefined,
        positionPeriodId: periodId,
        subsidyTypeId: null,
        afDecisionNumber: null,
        afDecisionDate: null,
        monthlySalaryOre: 18_000_00,
      });
    const [a, b, c] = [
      await readyToPlace(db, summer.id),
      await readyToPlace(db, summer.id),
      await readyToPlace(db, summer.id),
    ];
    await t.call('placements.create', input(a.proposal.id, '2027-06-14', p1.id), coord);
    const err = await refused('placements.create', input(b.proposal.id, '2027-06-21', p1.id));
    expect(err.message).toMatch(/^Perioden Period 1 har 1 plats/);
    await t.call('placements.create', input(b.proposal.id, '2027-07-05', p2.id), coord);
    expect((await refused('placements.create', input(c.proposal.id, '2027-07-05', p2.id))).code).toBe('RULE');
    expect((await refused('placements.create', input(c.proposal.id, '2027-06-01', p1.id))).message).toMatch(
      /inom perioden Period 1/,
    );
  });
});

describe('extensions', () => {
  it('continue the day after with their own decision and never pass the type maximum', async () => {
    await jump('2027-10-01T09:00:00Z');
    const { proposal } = await readyToPlace(db, (await position()).id);
    const p = await t.call('placements.create', createInput(proposal.id, { startDate: '2026-12-01' }), coord);
    const ext = await t.call(
      'placements.extend',
      { id: p.id, months: 6, afDecisionNumber: 'AF-2027-20001', afDecisionDate: '2027-09-15', subsidyPercent: 70 },
      coord,
    );
    expect(ext).toMatchObject({
      endDate: '2028-05-31',
      totalMonths: 18,
      remainingMonths: 6,
      decisionPeriodEnd: '2027-11-30',
    });
    expect(ext.extensions).toEqual([
      expect.objectContaining({
        months: 6,
        startDate: '2027-12-01',
        previousEndDate: '2027-11-30',
        newEndDate: '2028-05-31',
        afDecisionNumber: 'AF-2027-20001',
        subsidyPercent: 70,
        subsidyCeilingOre: 20_000_00,
      }),
    ]);
    const err = await refused('placements.extend', {
      id: p.id,
      months: 7,
      afDecisionNumber: 'AF-2027-20002',
      afDecisionDate: '2027-09-30',
    });
    expect(err).toMatchObject({ code: 'RULE', field: 'months' });
    expect(err.message).toMatch(
      /ger totalt 25 månader, men stödformen tillåter högst 24 månader \(18 månader är redan beviljade\)\. Som mest kan stödet förlängas med 6 månader/,
    );
    const full = await t.call(
      'placements.extend',
      { id: p.id, months: 6, afDecisionNumber: 'AF-2027-20002', afDecisionDate: '2027-09-30' },
      coord,
    );
    expect(full).toMatchObject({ endDate: '2028-11-30', totalMonths: 24, remainingMonths: 0 });
    expect(
      (await refused('placements.extend', { id: p.id, months: 1, afDecisionNumber: 'X', afDecisionDate: '2027-09-30' }))
        .message,
    ).toMatch(/redan nått sin längsta tid/);
  });

  it('respects capacity in the extension period', async () => {
    await jump('2027-10-01T09:00:00Z');
    const pos = await position({ slots: 1 });
    const a = await readyToPlace(db, pos.id);
    const pa = await t.call('placements.create', createInput(a.proposal.id, { startDate: '2026-12-01' }), coord);
    const b = await readyToPlace(db, pos.id);
    await t.call(
      'placements.create',
      createInput(b.proposal.id, { startDate: '2028-01-01', afDecisionDate: '2027-09-01' }),
      coord,
    );
    const err = await refused('placements.extend', {
      id: pa.id,
      months: 3,
      afDecisionNumber: 'AF-1',
      afDecisionDate: '2027-09-15',
    });
    expect(err.message).toMatch(
      /^Förlängningen går inte: platsen har 1 plats och de är redan upptagna 2028-01-01–2028-02-29/,
    );
    const ok = await t.call(
      'placements.extend',
      { id: pa.id, months: 1, afDecisionNumber: 'AF-1', afDecisionDate: '2027-09-15' },
      coord,
    );
    expect(ok.endDate).toBe('2027-12-31');
  });
});

describe('following placements', () => {
  it('the dashboard lists active placements, those ending within 30/60/90 days, follow-ups due and overdue ones', async () => {
    const pos = await position({ slots: 10 });
    const make = async (start: string, months: number) => {
      const { proposal } = await readyToPlace(db, pos.id);
      return t.call(
        'placements.create',
        createInput(proposal.id, { startDate: start, months, afDecisionDate: '2025-01-10' }),
        coord,
      );
    };
    const in20 = await make('2026-01-13', 11); // ends 2026-12-12: 19 days left
    const in45 = await make('2026-01-08', 12); // ends 2027-01-07: 45 days
    const in80 = await make('2026-02-12', 12); // ends 2027-02-11: 80 days
    const far = await make('2026-10-28', 12); // ends 2027-10-27, first follow-up 2026-11-28
    const upcoming = await make('2027-01-04', 12);
    const d = await t.call('placements.dashboard', {}, coord);
    expect(d.today).toBe('2026-11-23');
    expect(d.within30.map((p) => p.id)).toEqual([in20.id]);
    expect(d.within60.map((p) => p.id)).toEqual([in45.id]);
    expect(d.within90.map((p) => p.id)).toEqual([in80.id]);
    expect(d.active.map((p) => p.id)).toEqual([in20.id, in45.id, in80.id, far.id, upcoming.id]);
    expect(d.counts).toMatchObject({ active: 5, running: 4, upcoming: 1, within30: 1, within60: 1, within90: 1 });
    expect(d.within30[0]).toMatchObject({ daysLeft: 19, endWarning: 30, phase: 'running' });
    // First follow-ups default to one month after the start: every started one is overdue except 'far' (2026-11-28, within 7 days).
    expect(d.followUpsDue.map((p) => p.id)).toEqual([in45.id, in20.id, in80.id, far.id]);
    expect(d.followUpsDue.find((p) => p.id === far.id)?.followUpOverdue).toBe(false);

    await t.call(
      'placements.addFollowUp',
      {
        placementId: in20.id,
        date: '2026-11-23',
        note: 'Trivs bra, vill gå vidare till undersköterskeutbildning.',
        nextStep: 'Kontakta Komvux',
        nextDate: '2026-12-20',
      },
      coord,
    );
    const after = await t.call('placements.dashboard', {}, coord);
    expect(after.followUpsDue.map((p) => p.id)).not.toContain(in20.id);

    await jump('2026-12-13T09:00:00Z');
    const later = await t.call('placements.dashboard', {}, coord);
    expect(later.overdue.map((p) => p.id)).toEqual([in20.id]);
    expect(later.within30.map((p) => p.id)).not.toContain(in20.id);
  });

  it('a follow-up records date, note and next step, never in the future or before the start', async () => {
    const { proposal } = await readyToPlace(db, (await position()).id);
    const p = await t.call(
      'placements.create',
      createInput(proposal.id, { startDate: '2026-11-02', afDecisionDate: '2026-10-20' }),
      coord,
    );
    const f = await t.call(
      'placements.addFollowUp',
      {
        placementId: p.id,
        date: '2026-11-20',
        note: 'Första uppföljning med handledaren.',
        nextStep: 'Ny träff om en månad',
        nextDate: '2026-12-18',
      },
      coord,
    );
    expect(f.followUps).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        note: 'Första uppföljning med handledaren.',
        nextStep: 'Ny träff om en månad',
        nextDate: '2026-12-18',
        createdByName: 'kim',
      }),
    ]);
    expect(f.nextFollowUpDate).toBe('2026-12-18');
    expect(
      (await refused('placements.addFollowUp', { placementId: p.id, date: '2026-11-24', note: 'x' })).message,
    ).toBe('Uppföljningens datum kan inte ligga i framtiden.');
    expect((await refused('placements.addFollowUp', { placementId: p.id, date: '2026-11-01', note: 'x' })).field).toBe(
      'date',
    );
    expect(
      (
        await refused('placements.addFollowUp', {
          placementId: p.id,
          date: '2026-11-22',
          note: 'x',
          nextDate: '2026-11-22',
        })
      ).field,
    ).toBe('nextDate');
    expect((await refused('placements.addFollowUp', { placementId: p.id, date: '2026-11-22', note: '  ' })).field).toBe(
      'note',
    );
  });

  it('ending records the outcome and exits the person with 6- and 12-month follow-ups', async () => {
    const { participant, proposal } = await readyToPlace(db, (await position()).id);
    const p = await t.call(
      'placements.create',
      createInput(proposal.id, { startDate: '2026-01-01', afDecisionDate: '2025-12-10' }),
      coord,
    );
    expect(
      (await refused('placements.end', { id: p.id, date: '2026-11-24', outcome: 'ordinary_job' })).message,
    ).toMatch(/i förväg/);
    const ended = await t.call(
      'placements.end',
      { id: p.id, date: '2026-11-20', outcome: 'ordinary_job', note: 'Fast anställning på Ica Knalleland.' },
      coord,
    );
    expect(ended).toMatchObject({
      status: 'ended',
      phase: 'ended',
      endedAt: '2026-11-20',
      endOutcome: 'ordinary_job',
      endNote: 'Fast anställning på Ica Knalleland.',
      nextFollowUpDate: null,
    });
    expect(await stageOf(participant.id)).toBe('exited');
    expect(
      (await db.db.select().from(exitFollowUps).where(eq(exitFollowUps.participantId, participant.id))).map(
        (f) => f.dueDate,
      ),
    ).toEqual(['2027-05-20', '2027-11-20']);
    expect((await refused('placements.end', { id: p.id, date: '2026-11-20', outcome: 'ordinary_job' })).code).toBe(
      'CONFLICT',
    );
    expect(
      (await refused('placements.extend', { id: p.id, months: 1, afDecisionNumber: 'X', afDecisionDate: '2026-11-20' }))
        .message,
    ).toBe('Placeringen är avslutad och kan inte förlängas.');
    expect((await t.call('placements.dashboard', {}, coord)).active).toHaveLength(0);
  });

  it('a broken-off placement can send the person back to matching', async () => {
    const { participant, proposal } = await readyToPlace(db, (await position()).id);
    const p = await t.call(
      'placements.create',
      createInput(proposal.id, { startDate: '2026-11-02', afDecisionDate: '2026-10-20' }),
      coord,
    );
    await t.call(
      'placements.end',
      { id: p.id, date: '2026-11-13', outcome: 'other', next: 'matching', note: 'Passade inte; prova snickeriet.' },
      coord,
    );
    expect(await stageOf(participant.id)).toBe('matching');
  });

  it('lists and filters placements, and reads the detail with an audit event', async () => {
    const kimId = (await t.call('auth.me', {}, coord)).id;
    const pos = await position({ slots: 5 });
    const mine = await readyToPlace(db, pos.id, { firstName: 'Zeynep', lastName: 'Yılmaz', coordinatorId: kimId });
    const other = await readyToPlace(db, pos.id, { firstName: 'Björn', lastName: 'Åkesson' });
    const pm = await t.call('placements.create', createInput(mine.proposal.id), coord);
    await t.call('placements.create', createInput(other.proposal.id), coord);
    expect((await t.call('placements.list', {}, coord)).map((p) => p.participantName).sort()).toEqual([
      'Björn Åkesson',
      'Zeynep Yılmaz',
    ]);
    expect((await t.call('placements.list', { mine: true }, coord)).map((p) => p.id)).toEqual([pm.id]);
    // Each row names the proposal it came from (the "approved, not yet placed" list relies on it).
    expect((await t.call('placements.list', {}, coord)).map((p) => p.proposalId).sort()).toEqual(
      [mine.proposal.id, other.proposal.id].sort(),
    );
    expect((await t.call('placements.list', { search: 'åkess' }, coord)).map((p) => p.participantName)).toEqual([
      'Björn Åkesson',
    ]);
    expect(await t.call('placements.list', { status: 'ended' }, coord)).toEqual([]);
    await t.call('placements.get', { id: pm.id }, coord);
    expect(
      (
        await queryAudit(t.app.database, {
          action: 'read',
          entity: 'participant',
          entityId: String(mine.participant.id),
          offset: 0,
          limit: 5,
        })
      ).total,
    ).toBe(1);
  });

  it('prefill suggests the start, lengths the type allows and the periods when the position is full', async () => {
    const pos = await position({ slots: 1 });
    const a = await readyToPlace(db, pos.id);
    await t.call('placements.create', createInput(a.proposal.id, { startDate: '2027-01-01', months: 6 }), coord);
    const b = await readyToPlace(db, pos.id);
    const pre = await t.call('placements.prefill', { proposalId: b.proposal.id }, coord);
    expect(pre).toMatchObject({
      participantId: b.participant.id,
      suggestedStart: '2026-11-23',
      suggestedMonths: [12, 24],
      maxMonths: 24,
      defaultPercent: 80,
      monthlyCeilingOre: 20_000_00,
      fullPeriods: [{ from: '2027-01-01', to: '2027-06-30', occupied: 1 }],
    });
  });

  it('corrections re-check the rules and are audited', async () => {
    const pos = await position({ slots: 1 });
    const { proposal } = await readyToPlace(db, pos.id);
    const p = await t.call('placements.create', createInput(proposal.id), coord);
    const u = await t.call(
      'placements.update',
      { id: p.id, monthlySalaryOre: 25_100_00, hoursPercent: 75, months: 24 },
      coord,
    );
    expect(u).toMatchObject({ monthlySalaryOre: 25_100_00, hoursPercent: 75, months: 24, endDate: '2028-11-30' });
    expect((await refused('placements.update', { id: p.id, months: 30 })).field).toBe('months');
    const audit = await queryAudit(t.app.database, {
      entity: 'placement',
      entityId: String(p.id),
      offset: 0,
      limit: 10,
    });
    expect(audit.rows[0]?.changes).toMatchObject({
      monthlySalary: { before: 24_500_00, after: 25_100_00 },
      endDate: { before: '2027-11-30', after: '2028-11-30' },
    });
  });
});
