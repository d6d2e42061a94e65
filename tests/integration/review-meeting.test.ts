/**
 * Meeting mode, closing and effects (docs/product.md §3 "Review meeting", §4 rules 1 and 3).
 * Four proposals are submitted on Monday 2026-11-23 and land on the meeting of Tuesday 2026-12-08.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { assertProposalPlaceable } from '../../src/main/services/review/guards';
import {
  addDraft,
  addParticipant,
  seedWorld,
  stageOf,
  timelineOf,
  TUESDAY_EVEN,
  type PersonFixture,
  type World,
} from '../unit/review/fixtures';
import { sessions, type Sessions } from '../unit/review/session';

let t: TestApp;
let s: Sessions;
let w: World;
let people: PersonFixture[];
let ids: number[];
let meetingId: number;

beforeEach(async () => {
  t = await createTestApp();
  s = await sessions(t);
  w = await seedWorld(t.app.database);
  await t.call('review.setSchedule', TUESDAY_EVEN, s.admin);
  people = [
    await addParticipant(t.app.database, {
      ref: '2026-0147',
      firstName: 'Amina',
      lastName: 'Hassan',
      personnummer: '198001012384',
    }),
    await addParticipant(t.app.database, {
      ref: '2026-0148',
      firstName: 'Erik',
      lastName: 'Lundqvist',
      personnummer: '198001022383',
    }),
    await addParticipant(t.app.database, {
      ref: '2026-0149',
      firstName: 'Sofia',
      lastName: 'Berglund',
      personnummer: '198001032382',
    }),
    await addParticipant(t.app.database, {
      ref: '2026-0150',
      firstName: 'Yusuf',
      lastName: 'Demir',
      personnummer: '198001042381',
    }),
  ];
  ids = [];
  for (const [i, p] of people.entries())
    ids.push(await addDraft(t.app.database, p.id, i % 2 === 0 ? w.positionId : w.position2Id));
  for (const id of ids) {
    const r = await t.call('proposals.submit', { id }, s.coord);
    meetingId = r.meeting!.id;
  }
});
afterEach(() => t.close());

async function toMeetingDay() {
  t.clock.set('2026-12-08T08:00:00Z'); // 09:00 in Borås
  await s.refresh();
}

const both = [
  { name: 'Kim Koordinator', party: 'employer' as const, title: 'Arbetslivshandläggare' },
  { name: 'Karin Facklig', party: 'union' as const, title: 'Facklig företrädare, Kommunal Sjuhärad' },
];

async function decideAll(opts: { leaveLastUndecided?: boolean } = {}) {
  await t.call(
    'review.recordDecision',
    { meetingId, proposalId: ids[0]!, decision: { kind: 'approve', comment: 'Bra handledning finns' } },
    s.union,
  );
  await t.call(
    'review.recordDecision',
    {
      meetingId,
      proposalId: ids[1]!,
      decision: {
        kind: 'veto',
        reasonCategory: 'replaces_ordinary_work',
        text: 'Snickeriet har två vakanta tjänster som ska tillsättas ordinarie.',
      },
    },
    s.union,
  );
  await t.call(
    'review.recordDecision',
    { meetingId, proposalId: ids[2]!, decision: { kind: 'defer', question: 'Vem är handledare under semestern?' } },
    s.union,
  );
  if (!opts.leaveLastUndecided) {
    await t.call('review.recordDecision', { meetingId, proposalId: ids[3]!, decision: { kind: 'approve' } }, s.union);
  }
}

describe('meeting mode', () => {
  it('opens on the meeting day, not before; one meeting at a time', async () => {
    const early = await t.callRaw('review.openMeeting', { id: meetingId }, s.coord);
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!early.ok && early.error.message).toMatch(/tisdag 2026-12-08/);
    const notOpen = await t.callRaw(
      'review.recordDecision',
      { meetingId, proposalId: ids[0]!, decision: { kind: 'approve' } },
      s.union,
    );
    expect(notOpen).toMatchObject({ ok: false, error: { code: 'RULE' } });
    await toMeetingDay();
    expect(await t.callRaw('review.openMeeting', { id: meetingId }, s.hr)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const opened = await t.call('review.openMeeting', { id: meetingId }, s.coord);
    expect(opened).toMatchObject({ status: 'open', itemCount: 4, attendees: [{ name: 'kim', party: 'employer' }] });
    expect(await t.callRaw('review.openMeeting', { id: meetingId }, s.coord)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
  });

  it('shows each item with the position and only a pseudonymous reference to the union', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId, attendees: both }, s.union);
    const forUnion = await t.call('review.getMeeting', { id: meetingId }, s.union);
    expect(forUnion.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    const first = forUnion.items[0]!;
    expect(first).toMatchObject({
      participantLabel: 'Deltagare 2026-0147',
      participantRef: '2026-0147',
      origin: 'submitted',
      position: {
        title: 'Cykelmekaniker, extratjänst',
        kindLabel: 'Cykelverkstad',
        tasks: expect.stringContaining('cykelreparationer'),
        hoursPercent: 75,
        periodStart: '2027-01-04',
        periodEnd: '2027-12-31',
        employmentForm: 'subsidised_employment',
        employmentFormLabel: 'Anställning med lönestöd',
        subsidyTypeName: 'Testlönestöd',
        supervisorName: 'Lars Handledare',
      },
      workplace: { name: 'Återbruket Norrby', district: 'Norrby' },
      decision: null,
    });
    expect('participant' in first).toBe(false);
    const json = JSON.stringify(forUnion);
    for (const p of people) {
      expect(json).not.toContain(p.lastName);
      expect(json).not.toContain(p.personnummer);
    }
    const forCoord = await t.call('review.getMeeting', { id: meetingId }, s.coord);
    expect(forCoord.items[0]!.participant).toMatchObject({ name: 'Amina Hassan', stage: 'proposed' });
  });

  it('only the union (and admin) records decisions; they stay editable drafts until the meeting closes', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId, attendees: both }, s.coord);
    expect(
      await t.callRaw(
        'review.recordDecision',
        { meetingId, proposalId: ids[0]!, decision: { kind: 'approve' } },
        s.coord,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const noText = await t.callRaw(
      'review.recordDecision',
      { meetingId, proposalId: ids[1]!, decision: { kind: 'veto', reasonCategory: 'poor_supervision', text: ' ' } },
      s.union,
    );
    expect(noText).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'decision.text' } });
    expect(!noText.ok && noText.error.message).toMatch(/Motivering måste anges/);
    const badCategory = await t.callRaw(
      'review.recordDecision',
      { meetingId, proposalId: ids[1]!, decision: { kind: 'veto', reasonCategory: 'dislike', text: 'x' } },
      s.union,
    );
    expect(badCategory).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'decision.reasonCategory' } });
    const noQuestion = await t.callRaw(
      'review.recordDecision',
      { meetingId, proposalId: ids[2]!, decision: { kind: 'defer' } },
      s.union,
    );
    expect(noQuestion).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'decision.question' } });
    const notOnAgenda = await t.callRaw(
      'review.recordDecision',
      { meetingId, proposalId: 99999, decision: { kind: 'approve' } },
      s.union,
    );
    expect(notOnAgenda).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const vetoed = await t.call(
      'review.recordDecision',
      {
        meetingId,
        proposalId: ids[0]!,
        decision: { kind: 'veto', reasonCategory: 'poor_supervision', text: 'Handledaren slutar.' },
      },
      s.union,
    );
    expect(vetoed.decision).toMatchObject({
      kind: 'veto',
      label: 'Veto',
      reasonLabel: 'Bristande handledning',
      final: false,
      id: null,
      decidedByName: 'kommunal',
    });
    const changed = await t.call(
      'review.recordDecision',
      { meetingId, proposalId: ids[0]!, decision: { kind: 'approve' } },
      s.union,
    );
    expect(changed.decision).toMatchObject({ kind: 'approve', reasonCategory: null, text: null, final: false });
    const cleared = await t.call('review.clearDecision', { meetingId, proposalId: ids[0]! }, s.union);
    expect(cleared.decision).toBeNull();
    // Nothing is final before closing: the proposal is still submitted, the participant still proposed.
    expect((await t.call('review.forProposal', { proposalId: ids[0]! }, s.coord)).status).toBe('submitted');
    expect(await stageOf(t.app.database, people[0]!.id)).toBe('proposed');
    // A decision recorded in the open meeting blocks withdrawal.
    await t.call('review.recordDecision', { meetingId, proposalId: ids[1]!, decision: { kind: 'approve' } }, s.union);
    expect(await t.callRaw('proposals.withdraw', { id: ids[1]!, reason: 'ändrade oss' }, s.coord)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    const draft = await t.call('review.forProposal', { proposalId: ids[1]! }, s.coord);
    expect(draft.draftDecision).toMatchObject({ kind: 'approve', final: false });
  });
});

describe('closing the meeting', () => {
  it('needs both parties as attendees and a decision (or explicit carry-over) for every item', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId }, s.coord);
    await decideAll({ leaveLastUndecided: true });
    const noUnion = await t.callRaw('review.closeMeeting', { id: meetingId, carryOverUndecided: true }, s.coord);
    expect(noUnion).toMatchObject({ ok: false, error: { code: 'RULE', field: 'attendees' } });
    await t.call('review.setAttendees', { meetingId, attendees: both }, s.union);
    const undecided = await t.callRaw('review.closeMeeting', { id: meetingId }, s.coord);
    expect(undecided).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!undecided.ok && undecided.error.message).toMatch(/1 ärende saknar beslut/);
    const r = await t.call('review.closeMeeting', { id: meetingId, carryOverUndecided: true }, s.union);
    expect(r).toMatchObject({
      decided: 3,
      deferred: 1,
      carriedOver: 1,
      nextMeeting: { date: '2026-12-22' },
      meeting: { status: 'closed', hasProtocol: true },
    });
  });

  it('locks the decisions and applies them to proposals, participants and the next agenda', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId, attendees: both }, s.coord);
    await decideAll({ leaveLastUndecided: true });
    await t.call('review.closeMeeting', { id: meetingId, carryOverUndecided: true }, s.coord);

    // Locked.
    const again = await t.callRaw(
      'review.recordDecision',
      { meetingId, proposalId: ids[0]!, decision: { kind: 'veto', reasonCategory: 'other', text: 'x' } },
      s.union,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!again.ok && again.error.message).toMatch(/rättelse/);
    expect(await t.callRaw('review.setAttendees', { meetingId, attendees: both }, s.coord)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    expect(await t.callRaw('review.clearDecision', { meetingId, proposalId: ids[0]! }, s.union)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });

    // Proposals and participants.
    const reviews = await Promise.all(ids.map((id) => t.call('review.forProposal', { proposalId: id }, s.coord)));
    expect(reviews.map((r) => r.status)).toEqual(['approved', 'vetoed', 'deferred', 'submitted']);
    expect(reviews.map((r) => r.placeable)).toEqual([true, false, false, false]);
    expect(reviews[0]!.effectiveDecision).toMatchObject({
      kind: 'approve',
      final: true,
      text: 'Bra handledning finns',
    });
    expect(reviews[1]!.effectiveDecision).toMatchObject({ kind: 'veto', reasonCategory: 'replaces_ordinary_work' });
    expect(reviews[1]!.notPlaceableReason).toMatch(/veto/);
    expect(reviews[2]!.meeting?.date).toBe('2026-12-22');
    expect(await Promise.all(people.map((p) => stageOf(t.app.database, p.id)))).toEqual([
      'approved',
      'matching',
      'proposed',
      'proposed',
    ]);

    // Timeline: each decision is there.
    expect(
      (await timelineOf(t.app.database, people[0]!.id)).some(
        (e) => e.toStage === 'approved' && /Godkänd vid facklig prövning 2026-12-08/.test(e.note ?? ''),
      ),
    ).toBe(true);
    expect(
      (await timelineOf(t.app.database, people[1]!.id)).some(
        (e) => e.toStage === 'matching' && /Veto.*Ersätter ordinarie arbete/.test(e.note ?? ''),
      ),
    ).toBe(true);
    expect(
      (await timelineOf(t.app.database, people[2]!.id)).some(
        (e) => e.kind === 'decision' && /Bordlagt.*Vem är handledare under semestern\?.*2026-12-22/.test(e.note ?? ''),
      ),
    ).toBe(true);
    const forParticipant = await t.call('review.forParticipant', { participantId: people[1]!.id }, s.coord);
    expect(forParticipant[0]).toMatchObject({ status: 'vetoed', decisions: [{ kind: 'veto' }] });

    // The next meeting: the deferred item and the undecided one return automatically, first on the agenda.
    const late = await addParticipant(t.app.database, {
      ref: '2026-0160',
      firstName: 'Leo',
      lastName: 'Falk',
      personnummer: '198001052380',
    });
    await t.call('proposals.submit', { id: await addDraft(t.app.database, late.id, w.positionId) }, s.coord);
    const next = await t.call('review.getMeeting', { id: reviews[2]!.meeting!.id }, s.union);
    expect(next.meeting.date).toBe('2026-12-22');
    expect(next.previousMeeting?.date).toBe('2026-12-08');
    expect(next.items.map((i) => [i.proposalId, i.origin])).toEqual([
      [ids[2], 'deferred'],
      [ids[3], 'carried_over'],
      [expect.any(Number), 'submitted'],
    ]);
    expect(next.items[0]).toMatchObject({
      previousQuestion: 'Vem är handledare under semestern?',
      fromMeeting: { date: '2026-12-08' },
      history: [{ kind: 'defer', meetingDate: '2026-12-08', final: true }],
    });

    // The deferred item is decided at the next meeting.
    t.clock.set('2026-12-22T08:00:00Z');
    await s.refresh();
    await t.call('review.openMeeting', { id: next.meeting.id, attendees: both }, s.union);
    await t.call(
      'review.recordDecision',
      {
        meetingId: next.meeting.id,
        proposalId: ids[2]!,
        decision: { kind: 'approve', comment: 'Handledare finns hela året' },
      },
      s.union,
    );
    await t.call('review.closeMeeting', { id: next.meeting.id, carryOverUndecided: true }, s.union);
    const decided = await t.call('review.forProposal', { proposalId: ids[2]! }, s.coord);
    expect(decided).toMatchObject({
      status: 'approved',
      placeable: true,
      effectiveDecision: { kind: 'approve', meetingDate: '2026-12-22' },
    });
    expect(decided.decisions.map((d) => d.kind)).toEqual(['defer', 'approve']);
    expect(await stageOf(t.app.database, people[2]!.id)).toBe('approved');
  });
});

describe('effects (docs/product.md §4 rule 1)', () => {
  it('an approved proposal can become a placement; a vetoed one never can, whoever asks', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId, attendees: both }, s.coord);
    await decideAll();
    await t.call('review.closeMeeting', { id: meetingId }, s.coord);

    await expect(assertProposalPlaceable(t.app.database, ids[0]!)).resolves.not.toThrow();
    await expect(assertProposalPlaceable(t.app.database, ids[1]!)).rejects.toThrow(/veto/);
    await expect(assertProposalPlaceable(t.app.database, ids[2]!)).rejects.toThrow(/bordlagt/);
    await expect(assertProposalPlaceable(t.app.database, 424242)).rejects.toThrow(/finns inte/);

    // Even an admin cannot withdraw the veto or correct it into an approval.
    expect(await t.callRaw('proposals.withdraw', { id: ids[1]!, reason: 'försök' }, s.admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    const vetoDecision = (await t.call('review.forProposal', { proposalId: ids[1]! }, s.coord)).effectiveDecision!;
    const turn = await t.callRaw(
      'review.correctDecision',
      { decisionId: vetoDecision.id!, decision: { kind: 'approve' }, reason: 'Vi ångrar oss' },
      s.admin,
    );
    expect(turn).toMatchObject({ ok: false, error: { code: 'RULE' } });
    await expect(assertProposalPlaceable(t.app.database, ids[1]!)).rejects.toThrow(
      /ett nytt förslag och en ny facklig prövning/,
    );

    // The pair needs a new proposal and a new review.
    const again = await addDraft(t.app.database, people[1]!.id, w.position2Id);
    const sub = await t.call('proposals.submit', { id: again }, s.coord);
    expect(sub.meeting?.date).toBe('2026-12-22');
    await expect(assertProposalPlaceable(t.app.database, again)).rejects.toThrow(/väntar på facklig prövning/);
    await expect(assertProposalPlaceable(t.app.database, ids[1]!)).rejects.toThrow(/veto/);
  });
});
