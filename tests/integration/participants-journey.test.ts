import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engineTables } from '../helpers/db';
import { queryAudit } from '../../src/main/store/audit';
import { exitParticipant, transitionParticipant } from '../../src/main/services/participants/transitions';
import { serviceContext, type ServiceContext } from '../../src/main/services/context';
import {
  attend,
  completeMapping,
  createMeeting,
  createParticipant,
  createWorld,
  localIn,
  travel,
  type World,
} from './participants-helpers';

const { placements, positions, workplaces } = engineTables();

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.t.close());

/** A service context as another area's service would have it (for the exported transition functions). */
function serviceCtx(): ServiceContext {
  return serviceContext({
    database: w.t.app.database,
    clock: w.t.clock,
    user: { id: 1, username: 'admin', displayName: 'Anna Admin', roles: ['admin'], mustChangePassword: false },
    procedure: 'test.system',
    config: w.t.app.config,
  });
}

async function toMatching(id: number): Promise<void> {
  await attend(w, id);
  await w.t.call('participants.updateMapping', { id, ...completeMapping, markMapped: true }, w.coord);
  await w.t.call('participants.transition', { id, to: 'matching' }, w.coord);
}

async function toPlaced(id: number): Promise<void> {
  await toMatching(id);
  const ctx = serviceCtx();
  await ctx.tx(async (t) => {
    await transitionParticipant(ctx, t, id, 'proposed', {
      kind: 'proposal',
      data: { proposalId: 7 },
      note: 'Förslag: Cykelverkstaden',
    });
    await transitionParticipant(ctx, t, id, 'approved', { kind: 'decision', system: true });
    await transitionParticipant(ctx, t, id, 'placed', {
      kind: 'placement',
      data: { summary: 'Placering startade på Cykelverkstaden' },
    });
  });
}

const reasonOf = (r: { ok: boolean; error?: { message: string } } | { ok: true; value: unknown }) =>
  'error' in r && r.error ? r.error.message : '';

describe('the journey', () => {
  it('goes referred → booked → attended → mapped → matching → proposed → approved → placed → exited, with a timeline', async () => {
    const id = await createParticipant(w);
    await toPlaced(id);
    const placed = await w.t.call('participants.get', { id }, w.coord);
    expect(placed.stage).toBe('placed');
    expect(placed.nextSteps.map((s) => s.command)).toEqual(['placement_ended', 'exit']);
    expect(placed.nextSteps.find((s) => s.command === 'exit')).toMatchObject({ manual: true, enabled: true });

    const exited = await w.t.call(
      'participants.exit',
      { id, outcome: 'ordinary_job', date: '2026-11-20', note: 'Anställd på ICA' },
      w.coord,
    );
    expect(exited).toMatchObject({
      stage: 'exited',
      stageSince: '2026-11-20',
      exit: { outcome: 'ordinary_job', date: '2026-11-20' },
    });
    expect(exited.followUps.map((f) => [f.months, f.dueDate, f.selfSupporting])).toEqual([
      [6, '2027-05-20', null],
      [12, '2027-11-20', null],
    ]);

    const transitions = exited.timeline
      .filter((e) => e.fromStage !== null)
      .map((e) => `${e.fromStage}→${e.toStage}`)
      .reverse();
    expect(transitions).toEqual([
      'referred→meeting_booked',
      'meeting_booked→attended',
      'attended→mapped',
      'mapped→matching',
      'matching→proposed',
      'proposed→approved',
      'approved→placed',
      'placed→exited',
    ]);
    const byKind = Object.fromEntries(exited.timeline.map((e) => [e.toStage ?? e.kind, e]));
    expect(byKind.proposed).toMatchObject({
      kind: 'proposal',
      note: 'Förslag: Cykelverkstaden',
      data: { proposalId: 7, command: 'propose' },
    });
    expect(byKind.approved?.data).toMatchObject({ system: true });
    expect(byKind.placed?.summary).toBe('Placering startade på Cykelverkstaden');
    expect(byKind.exited).toMatchObject({
      summary: 'Avslutad med utfall: Arbete utan subvention (2026-11-20)',
      note: 'Anställd på ICA',
      user: { name: 'kim' },
    });
    expect(byKind.attended?.summary).toMatch(/^Deltog i informationsmöte 2026-11-23 kl\. 10:05, Jobb Borås/);

    const audit = await queryAudit(w.t.app.database, {
      entity: 'participant',
      entityId: String(id),
      action: 'change',
      offset: 0,
      limit: 50,
    });
    expect(audit.rows.some((r) => r.changes?.stage?.before === 'placed' && r.changes.stage.after === 'exited')).toBe(
      true,
    );
  });

  it('refuses illegal transitions with a Swedish reason and changes nothing', async () => {
    const id = await createParticipant(w);
    const cases: Array<[string, unknown, RegExp]> = [
      ['participants.transition', { id, to: 'mapped' }, /måste ha deltagit i ett informationsmöte/],
      ['participants.transition', { id, to: 'matching' }, /måste vara kartlagd/],
      ['participants.transition', { id, to: 'placed' }, /Ingen placering utan godkänd prövning/],
      ['participants.transition', { id, to: 'referred' }, /redan i steget ”Remitterad”/],
      ['participants.transition', { id, to: 'paused' }, /görs under Pausa/],
      ['participants.exit', { id, outcome: 'studies', date: '2026-11-20' }, /Bara en placerad deltagare/],
      ['participants.resume', { id }, /inte pausad/],
      ['participants.reopen', { id, referralDate: '2026-11-20' }, /Bara en avslutad deltagare kan få en ny remiss/],
    ];
    for (const [name, input, reason] of cases) {
      const r = await w.t.callRaw(name, input, w.coord);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'RULE' } });
      expect(reasonOf(r), name).toMatch(reason);
    }
    const p = await w.t.call('participants.get', { id }, w.coord);
    expect(p.stage).toBe('referred');
    expect(p.timeline).toHaveLength(1);

    await toMatching(id);
    const propose = await w.t.callRaw('participants.transition', { id, to: 'proposed' }, w.coord);
    expect(reasonOf(propose)).toBe('Stegbytet till ”Föreslagen” görs under Matchning.');
    const ctx = serviceCtx();
    await expect(ctx.tx((t) => transitionParticipant(ctx, t, id, 'approved'))).rejects.toThrow(
      /Bara en föreslagen deltagare kan godkännas/,
    );
    await expect(ctx.tx((t) => transitionParticipant(ctx, t, id, 'exited'))).rejects.toThrow(
      /Bara en placerad deltagare/,
    );
    await ctx.tx((t) => transitionParticipant(ctx, t, id, 'proposed'));
    const pause = await w.t.callRaw(
      'participants.pause',
      { id, reason: 'sick_leave', expectedReturn: '2027-01-10' },
      w.coord,
    );
    expect(reasonOf(pause)).toMatch(/förslag som prövas .* Dra tillbaka förslaget/);
    const close = await w.t.callRaw('participants.close', { id, reason: 'moved' }, w.coord);
    expect(reasonOf(close)).toMatch(/Dra tillbaka förslaget innan deltagaren avslutas/);
  });

  it('refuses a command on a stage someone else has just changed', async () => {
    const id = await createParticipant(w);
    const r = await w.t.callRaw('participants.close', { id, reason: 'declined', expectedStage: 'attended' }, w.coord);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(reasonOf(r)).toMatch(/”Remitterad” av någon annan/);
  });

  it('pauses with a reason and expected return, cancels a booking, and resumes to the right stage', async () => {
    const id = await createParticipant(w);
    const mid = await createMeeting(w);
    await w.t.call('meetings.book', { meetingId: mid, participantIds: [id] }, w.coord);

    const past = await w.t.callRaw(
      'participants.pause',
      { id, reason: 'sick_leave', expectedReturn: '2026-11-23' },
      w.coord,
    );
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'expectedReturn' } });
    const other = await w.t.callRaw(
      'participants.pause',
      { id, reason: 'other', expectedReturn: '2027-01-10' },
      w.coord,
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'note' } });

    const paused = await w.t.call(
      'participants.pause',
      { id, reason: 'parental_leave', expectedReturn: '2027-03-01', expectedStage: 'meeting_booked' },
      w.coord,
    );
    expect(paused).toMatchObject({
      stage: 'paused',
      pause: { fromStage: 'referred', reason: 'parental_leave', expectedReturn: '2027-03-01', overdue: false },
    });
    expect(paused.bookings[0]).toMatchObject({ meetingId: mid, status: 'cancelled' });
    expect(paused.timeline[0]!.summary).toBe('Pausad: Föräldraledighet, förväntad åter 2027-03-01');
    const meeting = await w.t.call('meetings.get', { id: mid }, w.coord);
    expect(meeting.booked).toBe(0);
    expect(paused.nextSteps.map((s) => [s.command, s.to])).toEqual([
      ['resume', 'referred'],
      ['close', 'closed'],
    ]);
    const book = await w.t.callRaw('meetings.book', { meetingId: mid, participantIds: [id] }, w.coord);
    expect(reasonOf(book)).toMatch(/: Deltagaren är pausad\. Återuppta först/);

    await travel(w, '2027-03-02T08:00:00Z');
    const dash = await w.t.call('participants.dashboard', {}, w.coord);
    expect(dash.pausesDue.rows.map((r) => r.id)).toEqual([id]);

    const resumed = await w.t.call('participants.resume', { id }, w.coord);
    expect(resumed).toMatchObject({ stage: 'referred', pause: null, stageSince: '2027-03-02' });
    expect(resumed.timeline[0]!.summary).toBe('Återupptagen (till remitterad)');
  });

  it('closes without placement with a reason, and a new referral reopens the person', async () => {
    const id = await createParticipant(w);
    await attend(w, id, false); // one no-show
    const noReason = await w.t.callRaw('participants.close', { id, reason: 'other' }, w.coord);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'note' } });
    const closed = await w.t.call(
      'participants.close',
      { id, reason: 'moved', note: 'Flyttat till Göteborg' },
      w.coord,
    );
    expect(closed).toMatchObject({ stage: 'closed', closeReason: 'moved', noShowCount: 1 });
    expect(closed.nextSteps.map((s) => s.command)).toEqual(['reopen']);

    const future = await w.t.callRaw('participants.reopen', { id, referralDate: '2026-12-24' }, w.coord);
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'referralDate' } });
    const reopened = await w.t.call(
      'participants.reopen',
      { id, referralDate: '2026-11-23', note: 'Ny remiss' },
      w.coord,
    );
    expect(reopened).toMatchObject({
      stage: 'referred',
      closeReason: null,
      noShowCount: 0,
      referralDate: '2026-11-23',
    });
  });

  it('exit schedules follow-ups that come due on the start page and record self-support', async () => {
    const id = await createParticipant(w);
    await toPlaced(id);
    const future = await w.t.callRaw('participants.exit', { id, outcome: 'studies', date: '2026-12-01' }, w.coord);
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'date' } });
    // another area ends the placement inside its own transaction
    const ctx = serviceCtx();
    await ctx.tx((t) => exitParticipant(ctx, t, id, { outcome: 'studies', date: '2026-11-23' }));
    const p = await w.t.call('participants.get', { id }, w.coord);
    const [six, twelve] = p.followUps;
    expect(six).toMatchObject({ months: 6, dueDate: '2027-05-23' });

    const early = await w.t.callRaw('participants.recordFollowUp', { id: six!.id, selfSupporting: 'yes' }, w.coord);
    expect(reasonOf(early)).toMatch(/kan registreras från 2027-04-23/);
    expect((await w.t.call('participants.followUps', { status: 'upcoming' }, w.coord)).total).toBe(2);

    await travel(w, '2027-05-24T08:00:00Z');
    const dash = await w.t.call('participants.dashboard', {}, w.coord);
    expect(dash.dueFollowUps.rows).toHaveLength(1);
    expect(dash.dueFollowUps.rows[0]).toMatchObject({
      id: six!.id,
      months: 6,
      daysOverdue: 1,
      exitOutcome: 'studies',
      selfSupporting: null,
    });
    expect(dash.stageCounts.exited).toBe(1);

    const recorded = await w.t.call(
      'participants.recordFollowUp',
      { id: six!.id, selfSupporting: 'yes', note: 'Studerar på Yrkeshögskolan' },
      w.coord,
    );
    expect(recorded).toMatchObject({ selfSupporting: 'yes', recordedBy: { name: 'kim' } });
    expect((await w.t.call('participants.followUps', { status: 'due' }, w.coord)).total).toBe(0);
    expect((await w.t.call('participants.followUps', { status: 'recorded' }, w.coord)).rows.map((r) => r.id)).toEqual([
      six!.id,
    ]);
    const after = await w.t.call('participants.get', { id }, w.coord);
    expect(after.timeline[0]!.summary).toBe('Uppföljning efter 6 månader: Ja, självförsörjande');
    expect(after.followUps.find((f) => f.id === twelve!.id)?.selfSupporting).toBeNull();
  });

  it('leaves the exit of someone with an ongoing placement to the placement', async () => {
    const id = await createParticipant(w);
    await toPlaced(id);
    const db = w.t.app.database;
    const now = '2026-11-23T09:00:00.000Z';
    const wp = (
      await db.tx((w) =>
        w.db.insert(workplaces).values({ name: 'Cykelverkstaden', createdAt: now, updatedAt: now }).returning(),
      )
    )[0]!;
    const pos = (
      await db.tx((w) =>
        w.db
          .insert(positions)
          .values({
            workplaceId: wp.id,
            kind: 'bicycle_workshop',
            title: 'Cykelreparatör',
            tasks: 'Laga cyklar',
            hoursPercent: 100,
            slots: 2,
            periodStart: '2026-01-01',
            employmentForm: 'subsidised_employment',
            unionReviewRequired: true,
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      )
    )[0]!;
    const placement = (
      await db.tx((w) =>
        w.db
          .insert(placements)
          .values({
            participantId: id,
            positionId: pos.id,
            startDate: '2026-11-01',
            months: 12,
            endDate: '2027-10-31',
            hoursPercent: 100,
            monthlySalary: 2_500_000,
            status: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      )
    )[0]!;
    const r = await w.t.callRaw('participants.exit', { id, outcome: 'ordinary_job', date: '2026-11-20' }, w.coord);
    expect(reasonOf(r)).toMatch(/^Deltagaren har en pågående placering\. Avsluta placeringen under Placeringar/);
    await db.tx((w) => w.db.update(placements).set({ status: 'ended' }).where(eq(placements.id, placement.id)));
    expect(
      (await w.t.call('participants.exit', { id, outcome: 'ordinary_job', date: '2026-11-20' }, w.coord)).stage,
    ).toBe('exited');
  });

  it('moves a proposed person back to matching when the proposal is vetoed or withdrawn', async () => {
    const id = await createParticipant(w);
    await toMatching(id);
    const ctx = serviceCtx();
    await ctx.tx(async (t) => {
      await transitionParticipant(ctx, t, id, 'proposed');
      await transitionParticipant(ctx, t, id, 'matching', {
        kind: 'decision',
        note: 'Veto: ordinarie arbetsuppgifter',
      });
    });
    const p = await w.t.call('participants.get', { id }, w.coord);
    expect(p.stage).toBe('matching');
    expect(p.timeline[0]).toMatchObject({
      fromStage: 'proposed',
      toStage: 'matching',
      kind: 'decision',
      data: { command: 'proposal_returned' },
    });
    const back = await w.t.call(
      'participants.transition',
      { id, to: 'mapped', note: 'Ny kartläggning behövs' },
      w.coord,
    );
    expect(back.stage).toBe('mapped');
  });

  it('keeps notes on the timeline', async () => {
    const id = await createParticipant(w);
    const p = await w.t.call('participants.addNote', { id, note: 'Ringde, bokar in nästa vecka.' }, w.coord);
    expect(p.timeline[0]).toMatchObject({ kind: 'note', note: 'Ringde, bokar in nästa vecka.', summary: 'Anteckning' });
    const empty = await w.t.callRaw('participants.addNote', { id, note: '  ' }, w.coord);
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'note' } });
  });

  it('does not book a meeting that has already ended', async () => {
    const id = await createParticipant(w);
    const mid = await createMeeting(w, { startsAt: localIn(w, 5), endsAt: localIn(w, 20) });
    w.t.clock.advance(25 * 60_000);
    const r = await w.t.callRaw('meetings.book', { meetingId: mid, participantIds: [id] }, w.coord);
    expect(reasonOf(r)).toBe('Mötet är redan över och kan inte bokas.');
  });
});
