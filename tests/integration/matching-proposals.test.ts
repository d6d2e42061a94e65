import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
import { queryAudit } from '../../src/main/store/audit';
import { DEFAULT_MATCH_WEIGHTS } from '../../src/shared/domain/proposal';
import {
  COMPLETE_MAPPING,
  addParticipant,
  addPosition,
  addProposal,
  addWorkplace,
  summerPeriods,
} from './matching-fixtures';

const { participantEvents, participants, proposals } = engineTables();

let t: TestApp;
let admin: string;
let coordinator: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.setupAdmin();
  coordinator = await t.userWithRoles('koordinator', ['coordinator']);
});
afterEach(() => t.close());

const proposalCount = async () => (await t.app.database.db.select().from(proposals)).length;
const stageOf = async (id: number) =>
  (await t.app.database.db.select().from(participants).where(eq(participants.id, id)).limit(1))[0]!.stage;

describe('proposals.create', () => {
  it('creates a draft with the score and explanation as shown, and moves a mapped participant into matching', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, { skills: ['cykelreparation'] });
    const p = await addParticipant(t, {
      ...COMPLETE_MAPPING,
      stage: 'mapped',
      skills: ['cykelreparation'],
      longTermRecipient: true,
      district: 'Hulta',
    });
    const shown = (await t.call('matching.candidates', { positionId: pos.id }, coordinator)).rows[0]!;
    const created = await t.call(
      'proposals.create',
      { participantId: p, positionId: pos.id, expectedScore: shown.score, note: 'Har visat stort intresse.' },
      coordinator,
    );
    expect(created).toMatchObject({
      status: 'draft',
      participantId: p,
      positionId: pos.id,
      positionTitle: 'Cykelreparatör',
      workplaceName: 'Cykelverkstaden Hulta',
      score: shown.score,
      maxScore: 100,
      note: 'Har visat stort intresse.',
      createdByName: 'koordinator',
      createdAt: '2026-11-23T09:00:00.000Z',
      positionPeriodId: null,
      submittedAt: null,
    });
    expect(created.explanation).toMatchObject({
      version: 1,
      computedOn: '2026-11-23',
      weights: DEFAULT_MATCH_WEIGHTS,
      positionPeriodId: null,
    });
    expect(created.explanation.criteria).toEqual(shown.explanation.criteria);
    expect(await stageOf(p)).toBe('matching');
    const events = await t.app.database.db
      .select()
      .from(participantEvents)
      .where(eq(participantEvents.participantId, p));
    expect(events.at(-1)).toMatchObject({ kind: 'proposal', fromStage: 'mapped', toStage: 'matching' });
    expect(events.at(-1)!.note).toMatch(/^Utkast till förslag: Cykelreparatör, Cykelverkstaden Hulta/);
    expect(
      (await queryAudit(t.app.database, { entity: 'proposal', entityId: String(created.id), offset: 0, limit: 5 }))
        .rows[0],
    ).toMatchObject({ detail: 'Utkast skapat' });

    // The stored snapshot does not change when the weights change later.
    await t.call('matching.setWeights', { weights: { ...DEFAULT_MATCH_WEIGHTS, longTerm: 90 } }, admin);
    const listed = (await t.call('proposals.list', { participantId: p }, coordinator)).rows[0]!;
    expect(listed.score).toBe(shown.score);
    expect(listed.explanation.criteria).toEqual(shown.explanation.criteria);
    // A participant already in matching gets a timeline event but no stage change.
    const other = await addPosition(t, admin, wp, { title: 'Annan' });
    await t.call('proposals.create', { participantId: p, positionId: other.id }, coordinator);
    expect(await stageOf(p)).toBe('matching');
  });

  it('names the row when the journey refuses to move a participant into matching', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, { slots: 3 });
    const ok = await addParticipant(t, { ...COMPLETE_MAPPING, stage: 'mapped' });
    const unmapped = await addParticipant(t, { stage: 'mapped', experienceText: null });
    const r = await t.callRaw(
      'matching.acceptSuggestion',
      { pairs: [ok, unmapped].map((participantId) => ({ participantId, positionId: pos.id, expectedScore: 0 })) },
      coordinator,
    );
    expect(r).toMatchObject({ ok: false, error: { field: 'pairs.0.expectedScore' } }); // scores are checked first
    const scores: number[] = [];
    for (const participantId of [ok, unmapped]) {
      scores.push(
        (await t.call('matching.explain', { participantId, positionId: pos.id }, coordinator)).explanation.score,
      );
    }
    const refused = await t.callRaw(
      'matching.acceptSuggestion',
      {
        pairs: [ok, unmapped].map((participantId, i) => ({
          participantId,
          positionId: pos.id,
          expectedScore: scores[i]!,
        })),
      },
      coordinator,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', field: 'pairs.1' } });
    expect(!refused.ok && refused.error.message).toMatch(/^Rad 2: Kartläggningen är inte klar/);
    expect(await proposalCount()).toBe(0);
    expect(await stageOf(ok)).toBe('mapped');
  });

  it('refuses a stale score, a duplicate open proposal and an excluded pair, creating nothing', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, { minSwedishLevel: 'sfi_d', hoursPercent: 75 });
    const p = await addParticipant(t);
    const score = (await t.call('matching.explain', { participantId: p, positionId: pos.id }, coordinator)).explanation
      .score;
    const stale = await t.callRaw(
      'proposals.create',
      { participantId: p, positionId: pos.id, expectedScore: score + 3 },
      coordinator,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'expectedScore' } });
    expect(!stale.ok && stale.error.message).toBe(
      `Poängen för Cykelreparatör har ändrats sedan listan visades (från ${score + 3} till ${score}). Uppdatera listan och försök igen.`,
    );
    expect(await proposalCount()).toBe(0);
    await t.call('proposals.create', { participantId: p, positionId: pos.id }, coordinator);
    const dup = await t.callRaw('proposals.create', { participantId: p, positionId: pos.id }, coordinator);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!dup.ok && dup.error.message).toMatch(/^Det finns redan ett förslag \(nr \d+, utkast\)/);

    const weak = await addParticipant(t, { swedishLevel: 'sfi_a', availablePercent: 50 });
    const excluded = await t.callRaw('proposals.create', { participantId: weak, positionId: pos.id }, coordinator);
    expect(excluded).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!excluded.ok && excluded.error.message).toBe(
      'Förslaget till Cykelreparatör kan inte skapas: Platsen är på 75 % men deltagaren kan arbeta 50 %. Platsen kräver lägst SFI kurs D; deltagaren har SFI kurs A.',
    );
    expect(await proposalCount()).toBe(1);
  });

  it('a vetoed pair needs a deliberate new proposal with a reason (docs/product.md §4 rule 1)', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp);
    const p = await addParticipant(t);
    await addProposal(t, { participantId: p, positionId: pos.id, status: 'vetoed' });
    expect(await t.callRaw('proposals.create', { participantId: p, positionId: pos.id }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    expect(
      await t.callRaw('proposals.create', { participantId: p, positionId: pos.id, acknowledgeVeto: true }, coordinator),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'note' },
    });
    const again = await t.call(
      'proposals.create',
      {
        participantId: p,
        positionId: pos.id,
        acknowledgeVeto: true,
        note: 'Nya arbetsuppgifter efter samtal med facket.',
      },
      coordinator,
    );
    expect(again.status).toBe('draft');
    expect(again.explanation.excluded.map((e) => e.constraint)).toEqual(['vetoed']);
  });

  it('a summer-job proposal records its period; a full period is refused', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods([1, 1, 1]),
    });
    const [p1, p2] = pos.periods;
    const a = await addParticipant(t);
    const b = await addParticipant(t);
    await addProposal(t, { participantId: b, positionId: pos.id, status: 'submitted', periodId: p1!.id });
    expect(await t.callRaw('proposals.create', { participantId: a, positionId: pos.id }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'positionPeriodId' },
    });
    const full = await t.callRaw(
      'proposals.create',
      { participantId: a, positionId: pos.id, positionPeriodId: p1!.id },
      coordinator,
    );
    expect(!full.ok && full.error.message).toMatch(/Alla 1 platser i perioden Period 1 är tillsatta eller reserverade/);
    const ok = await t.call(
      'proposals.create',
      { participantId: a, positionId: pos.id, positionPeriodId: p2!.id },
      coordinator,
    );
    expect(ok).toMatchObject({ positionPeriodId: p2!.id, periodName: 'Period 2' });
    expect((await t.call('positions.get', { id: pos.id }, admin)).periods[1]!.occupancy).toMatchObject({
      drafts: 1,
      free: 1,
    });
  });
});

describe('proposals.list', () => {
  it('filters by participant, position and status, newest first', async () => {
    const wp = await addWorkplace(t, admin);
    const pos1 = await addPosition(t, admin, wp, { title: 'Ett' });
    const pos2 = await addPosition(t, admin, wp, { title: 'Två' });
    const a = await addParticipant(t);
    const b = await addParticipant(t);
    const d1 = await t.call('proposals.create', { participantId: a, positionId: pos1.id }, coordinator);
    t.clock.advance(60_000);
    const d2 = await t.call('proposals.create', { participantId: a, positionId: pos2.id }, coordinator);
    t.clock.advance(60_000);
    const d3 = await t.call('proposals.create', { participantId: b, positionId: pos1.id }, coordinator);
    await t.app.database.tx((w) => w.db.update(proposals).set({ status: 'submitted' }).where(eq(proposals.id, d1.id)));
    expect((await t.call('proposals.list', {}, coordinator)).rows.map((p) => p.id)).toEqual([d3.id, d2.id, d1.id]);
    expect((await t.call('proposals.list', { participantId: a }, coordinator)).rows.map((p) => p.id)).toEqual([
      d2.id,
      d1.id,
    ]);
    expect(
      (await t.call('proposals.list', { positionId: pos1.id, statuses: ['draft'] }, coordinator)).rows.map((p) => p.id),
    ).toEqual([d3.id]);
    const page = await t.call('proposals.list', { offset: 1, limit: 1 }, coordinator);
    expect(page).toMatchObject({ total: 3, rows: [{ id: d2.id }] });
    expect(await t.callRaw('proposals.list', { positionId: 999 }, coordinator)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('global suggestion and accepting it in part', () => {
  it('is optimal under the slots (checked by brute force) and places as many as possible among equal totals', async () => {
    const hulta = await addWorkplace(t, admin, 'Cykelverkstaden Hulta', 'Hulta');
    const norrby = await addWorkplace(t, admin, 'Återbruket Norrby', 'Norrby');
    const positions = [
      await addPosition(t, admin, hulta, { slots: 1, skills: ['cykelreparation'] }),
      await addPosition(t, admin, norrby, {
        kind: 'second_hand',
        title: 'Butik',
        slots: 2,
        skills: ['kassa', 'sortering'],
        minSwedishLevel: 'sfi_c',
      }),
      await addPosition(t, admin, norrby, { kind: 'handyman', title: 'Fixare', slots: 1, requiredLicence: 'B' }),
    ];
    const people = [
      await addParticipant(t, { skills: ['cykelreparation'], wishedKinds: ['bicycle_workshop'], district: 'Hulta' }),
      await addParticipant(t, { skills: ['cykelreparation', 'kassa'], district: 'Norrby', longTermRecipient: true }),
      await addParticipant(t, { skills: ['kassa', 'sortering'], swedishLevel: 'sfi_b', licenceClasses: ['B'] }),
      await addParticipant(t, {
        skills: ['sortering'],
        wishedKinds: ['second_hand'],
        childrenInHousehold: 2,
        referralDate: '2025-01-01',
      }),
      await addParticipant(t, {
        licenceClasses: ['B'],
        experienceText: 'Fastighetsskötare i Mosul',
        district: 'Norrby',
      }),
      await addParticipant(t, { availablePercent: 25 }), // fits nowhere
    ];
    // Scores of every allowed pair, from the explanation procedure.
    const score = new Map<string, number>();
    for (const p of people) {
      for (const pos of positions) {
        const e = (await t.call('matching.explain', { participantId: p, positionId: pos.id }, coordinator)).explanation;
        if (e.eligible) score.set(`${p}:${pos.id}`, e.score);
      }
    }
    // Brute force: every way to give each person a position or nothing within the slots.
    let best = { total: -1, count: 0 };
    const cap = new Map(positions.map((p) => [p.id, p.slots]));
    const rec = (i: number, total: number, count: number) => {
      if (i === people.length) {
        if (total > best.total || (total === best.total && count > best.count)) best = { total, count };
        return;
      }
      rec(i + 1, total, count);
      for (const pos of positions) {
        const s = score.get(`${people[i]}:${pos.id}`);
        if (s === undefined || cap.get(pos.id)! === 0) continue;
        cap.set(pos.id, cap.get(pos.id)! - 1);
        rec(i + 1, total + s, count + 1);
        cap.set(pos.id, cap.get(pos.id)! + 1);
      }
    };
    rec(0, 0, 0);

    const s = await t.call('matching.suggest', {}, coordinator);
    expect(s.totalScore).toBe(best.total);
    expect(s.rows.length).toBe(best.count);
    expect(s.stats).toMatchObject({
      waitingParticipants: 6,
      consideredParticipants: 6,
      columns: 3,
      slotsOffered: 4,
      assigned: best.count,
      withoutEligibleSlot: 1,
    });
    for (const r of s.rows) {
      expect(r.score).toBe(score.get(`${r.participantId}:${r.positionId}`));
      expect(r.explanation.score).toBe(r.score);
    }
    const perPosition = new Map<number, number>();
    for (const r of s.rows) perPosition.set(r.positionId, (perPosition.get(r.positionId) ?? 0) + 1);
    for (const pos of positions) expect(perPosition.get(pos.id) ?? 0).toBeLessThanOrEqual(pos.slots);
    expect(new Set(s.rows.map((r) => r.participantId)).size).toBe(s.rows.length);
    // Same input, same output.
    const again = await t.call('matching.suggest', {}, coordinator);
    expect(again.rows).toEqual(s.rows);

    // Accept part of it: drafts keep the shown score and explanation.
    const chosen = s.rows.slice(0, 2);
    const { created } = await t.call(
      'matching.acceptSuggestion',
      {
        pairs: chosen.map((r) => ({
          participantId: r.participantId,
          positionId: r.positionId,
          positionPeriodId: r.positionPeriodId,
          expectedScore: r.score,
        })),
      },
      coordinator,
    );
    expect(created.map((c) => [c.participantId, c.positionId, c.status, c.score])).toEqual(
      chosen.map((r) => [r.participantId, r.positionId, 'draft', r.score]),
    );
    expect(created.map((c) => c.explanation.criteria)).toEqual(chosen.map((r) => r.explanation.criteria));
    expect(
      (await queryAudit(t.app.database, { entity: 'proposal', offset: 0, limit: 10 })).rows.every(
        (a) => a.detail === 'Utkast skapat från matchningsförslag',
      ),
    ).toBe(true);

    // Running it again leaves the accepted people and their slots alone.
    const rest = await t.call('matching.suggest', {}, coordinator);
    expect(rest.stats.consideredParticipants).toBe(4);
    expect(rest.stats.slotsOffered).toBe(2);
    expect(rest.rows.map((r) => r.participantId)).not.toEqual(expect.arrayContaining([chosen[0]!.participantId]));
  });

  it('accepting is all or nothing: a stale score, a duplicate person or too many for a position creates nothing', async () => {
    const wp = await addWorkplace(t, admin);
    const pos = await addPosition(t, admin, wp, { slots: 1 });
    const a = await addParticipant(t);
    const b = await addParticipant(t);
    const sa = (await t.call('matching.explain', { participantId: a, positionId: pos.id }, coordinator)).explanation
      .score;
    const sb = (await t.call('matching.explain', { participantId: b, positionId: pos.id }, coordinator)).explanation
      .score;
    const tooMany = await t.callRaw(
      'matching.acceptSuggestion',
      {
        pairs: [
          { participantId: a, positionId: pos.id, expectedScore: sa },
          { participantId: b, positionId: pos.id, expectedScore: sb },
        ],
      },
      coordinator,
    );
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'RULE', field: 'pairs.1' } });
    expect(!tooMany.ok && tooMany.error.message).toBe(
      'Rad 2: Cykelreparatör har bara 1 ledig plats, men fler deltagare har valts dit.',
    );
    const twice = await t.callRaw(
      'matching.acceptSuggestion',
      {
        pairs: [
          { participantId: a, positionId: pos.id, expectedScore: sa },
          { participantId: a, positionId: pos.id, expectedScore: sa },
        ],
      },
      coordinator,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'pairs.1.participantId' } });
    const stale = await t.callRaw(
      'matching.acceptSuggestion',
      { pairs: [{ participantId: a, positionId: pos.id, expectedScore: sa + 1 }] },
      coordinator,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'pairs.0.expectedScore' } });
    expect(await proposalCount()).toBe(0);
  });

  it('can submit the accepted pairs to the union review at once, all or nothing', async () => {
    const wp = await addWorkplace(t, admin);
    const training = await addPosition(t, admin, wp, { employmentForm: 'work_training', slots: 2 }); // no review needed
    const employment = await addPosition(t, admin, wp, { title: 'Anställning', slots: 2 }); // review, but no meetings planned
    const a = await addParticipant(t);
    const b = await addParticipant(t);
    const score = async (p: number, pos: number) =>
      (await t.call('matching.explain', { participantId: p, positionId: pos }, coordinator)).explanation.score;
    const refused = await t.callRaw(
      'matching.acceptSuggestion',
      {
        submit: true,
        pairs: [
          { participantId: a, positionId: training.id, expectedScore: await score(a, training.id) },
          { participantId: b, positionId: employment.id, expectedScore: await score(b, employment.id) },
        ],
      },
      coordinator,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', field: 'pairs.1' } });
    expect(!refused.ok && refused.error.message).toMatch(/^Rad 2: Det finns inget planerat prövningsmöte/);
    expect(await proposalCount()).toBe(0);
    expect(await stageOf(a)).toBe('matching');

    const { created } = await t.call(
      'matching.acceptSuggestion',
      {
        submit: true,
        pairs: [{ participantId: a, positionId: training.id, expectedScore: await score(a, training.id) }],
      },
      coordinator,
    );
    // A position without union review: submitted means ready to place (docs/product.md §4 rule 1).
    expect(created).toMatchObject([{ status: 'approved', participantStage: 'approved', reviewMeetingId: null }]);
    expect(await stageOf(a)).toBe('approved');
  });

  it('leaves summer jobs to their own allocation unless asked, and can be limited to kinds', async () => {
    const wp = await addWorkplace(t, admin);
    await addPosition(t, admin, wp, {
      kind: 'summer_job',
      employmentForm: 'summer_job',
      slots: undefined,
      periodStart: undefined,
      periods: summerPeriods([1, 1, 1]),
    });
    await addPosition(t, admin, wp, { kind: 'cleaning', title: 'Städ', slots: 1 });
    await addParticipant(t);
    await addParticipant(t);
    expect((await t.call('matching.suggest', {}, coordinator)).stats).toMatchObject({ columns: 1, assigned: 1 });
    expect((await t.call('matching.suggest', { kinds: ['summer_job'] }, coordinator)).stats).toMatchObject({
      columns: 3,
      assigned: 2,
    });
    expect((await t.call('matching.suggest', { kinds: ['carpentry'] }, coordinator)).stats).toMatchObject({
      columns: 0,
      assigned: 0,
    });
  });
});
