/**
 * Protocol PDF and corrections after closing (docs/product.md §4 rule 3, §7).
 * Four proposals are submitted on Monday 2026-11-23 and land on the meeting of Tuesday 2026-12-08.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { engineTables } from '../helpers/db';
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

const { reviewDecisions } = engineTables();

const workDir = mkdtempSync(join(tmpdir(), 'vaxla-review-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let n = 0;
function pdfText(base64: string): { text: string; fonts: string } {
  const file = join(workDir, `p${n++}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return {
    text: execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  };
}

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

describe('protocol', () => {
  it('freezes the protocol and renders it as a Swedish PDF with an embedded font and extractable text', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId, attendees: both }, s.coord);
    expect(await t.callRaw('review.protocolPdf', { id: meetingId }, s.union)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    await decideAll({ leaveLastUndecided: true });
    await t.call('review.closeMeeting', { id: meetingId, carryOverUndecided: true }, s.coord);

    const detail = await t.call('review.getMeeting', { id: meetingId }, s.union);
    expect(detail.protocol).toMatchObject({
      meeting: { date: '2026-12-08', time: '09:00', place: TUESDAY_EVEN.place },
      attendees: [
        { name: 'Kim Koordinator', party: 'employer' },
        { name: 'Karin Facklig', party: 'union' },
      ],
      closedByName: 'kim',
    });
    expect(detail.protocol!.items.map((i) => i.decisionLabel)).toEqual(['Godkänt', 'Veto', 'Bordlagt', 'Ej behandlat']);
    expect(detail.items[1]!.decision).toMatchObject({ final: true, kind: 'veto', id: expect.any(Number) });

    const file = await t.call('review.protocolPdf', { id: meetingId }, s.union);
    expect(file).toMatchObject({ fileName: 'protokoll-facklig-provning-2026-12-08.pdf', mimeType: 'application/pdf' });
    const { text, fonts } = pdfText(file.contentBase64);
    expect(fonts).toMatch(/DejaVu/);
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter((l) => l.trim())
        .every((l) => / yes /.test(l)),
    ).toBe(true); // emb = yes
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Protokoll – facklig prövning 2026-12-08',
      'tisdag 2026-12-08',
      'Jobb Borås, Sandwalls plats 4, rum Ågården',
      'Kim Koordinator',
      'Karin Facklig',
      'Facklig företrädare, Kommunal Sjuhärad',
      'Deltagare 2026-0147',
      'Deltagare 2026-0148',
      'Cykelmekaniker, extratjänst',
      'Godkänt',
      'Veto',
      'Ersätter ordinarie arbete',
      'Snickeriet har två vakanta tjänster som ska tillsättas ordinarie.',
      'Bordlagt',
      'Vem är handledare under semestern?',
      'Ej behandlat',
      'Anställning med lönestöd',
      'Sida 1 av',
    ]) {
      expect(flat).toContain(expected);
    }
    for (const p of people) {
      expect(flat).not.toContain(p.lastName);
      expect(flat).not.toContain(p.personnummer);
    }
  });

  it('closes an empty meeting with a protocol that says so', async () => {
    const empty = (await t.call('review.listMeetings', { from: '2026-11-24', to: '2026-11-24' }, s.coord))[0]!;
    t.clock.set('2026-11-24T08:00:00Z');
    await s.refresh();
    await t.call('review.openMeeting', { id: empty.id, attendees: both }, s.coord);
    const r = await t.call('review.closeMeeting', { id: empty.id }, s.coord);
    expect(r).toMatchObject({ decided: 0, nextMeeting: null });
    const { text } = pdfText((await t.call('review.protocolPdf', { id: empty.id }, s.admin)).contentBase64);
    expect(text).toContain('Mötet hade inga ärenden.');
  });
});

describe('corrections (docs/product.md §4 rule 3)', () => {
  it('is a new decision referring to the old one, which never changes; printed as an addendum', async () => {
    await toMeetingDay();
    await t.call('review.openMeeting', { id: meetingId, attendees: both }, s.coord);
    await decideAll();
    await t.call('review.closeMeeting', { id: meetingId }, s.coord);
    const approval = (await t.call('review.forProposal', { proposalId: ids[0]! }, s.coord)).effectiveDecision!;
    const before = (
      await t.app.database.db.select().from(reviewDecisions).where(eq(reviewDecisions.id, approval.id!)).limit(1)
    )[0];

    expect(
      await t.callRaw(
        'review.correctDecision',
        {
          decisionId: approval.id!,
          decision: { kind: 'veto', reasonCategory: 'recent_redundancies', text: 'Varsel i november.' },
          reason: 'Nya uppgifter',
        },
        s.coord,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await t.callRaw(
        'review.correctDecision',
        { decisionId: approval.id!, decision: { kind: 'defer', question: 'Hur?' }, reason: 'x' },
        s.union,
      ),
    ).toMatchObject({ ok: false, error: { code: 'RULE' } });

    const c = await t.call(
      'review.correctDecision',
      {
        decisionId: approval.id!,
        decision: {
          kind: 'veto',
          reasonCategory: 'recent_redundancies',
          text: 'Arbetsplatsen varslade tre anställda i november.',
        },
        reason: 'Varslet blev känt efter mötet',
      },
      s.union,
    );
    expect(c).toMatchObject({
      kind: 'veto',
      correctsDecisionId: approval.id,
      correctionReason: 'Varslet blev känt efter mötet',
      participantLabel: 'Deltagare 2026-0147',
      itemNumber: 1,
      meetingDate: '2026-12-08',
      final: true,
    });
    const after = (
      await t.app.database.db.select().from(reviewDecisions).where(eq(reviewDecisions.id, approval.id!)).limit(1)
    )[0];
    expect(after).toEqual(before);
    // Not even a direct write can change or remove a decision: the database refuses it.
    await expect(
      t.app.database.exec(`UPDATE review_decisions SET decision = 'veto' WHERE id = ${approval.id!}`),
    ).rejects.toThrow(/får inte ändras/);
    await expect(t.app.database.exec(`DELETE FROM review_decisions WHERE id = ${approval.id!}`)).rejects.toThrow(
      /får inte tas bort/,
    );

    const review = await t.call('review.forProposal', { proposalId: ids[0]! }, s.coord);
    expect(review).toMatchObject({ status: 'vetoed', placeable: false, effectiveDecision: { id: c.id, kind: 'veto' } });
    expect(review.decisions.find((d) => d.id === approval.id)).toMatchObject({
      kind: 'approve',
      correctedByDecisionId: c.id,
    });
    expect(await stageOf(t.app.database, people[0]!.id)).toBe('matching');
    expect(
      (await timelineOf(t.app.database, people[0]!.id)).some((e) =>
        /Rättelse av beslutet från facklig prövning 2026-12-08/.test(e.note ?? ''),
      ),
    ).toBe(true);
    await expect(assertProposalPlaceable(t.app.database, ids[0]!)).rejects.toThrow(/veto/);

    // The old decision cannot be corrected twice; the correction itself can (veto stays veto).
    expect(
      await t.callRaw(
        'review.correctDecision',
        { decisionId: approval.id!, decision: { kind: 'approve' }, reason: 'x' },
        s.union,
      ),
    ).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const c2 = await t.call(
      'review.correctDecision',
      {
        decisionId: c.id!,
        decision: {
          kind: 'veto',
          reasonCategory: 'recent_redundancies',
          text: 'Arbetsplatsen varslade fyra anställda i november.',
        },
        reason: 'Fel antal',
      },
      s.union,
    );
    expect(c2.correctsDecisionId).toBe(c.id);

    // The meeting's protocol is unchanged; the corrections are its addendum.
    const detail = await t.call('review.getMeeting', { id: meetingId }, s.union);
    expect(detail.protocol!.items[0]).toMatchObject({ decision: 'approve', decisionLabel: 'Godkänt' });
    expect(detail.items[0]!.decision).toMatchObject({ kind: 'approve', correctedByDecisionId: c.id });
    expect(detail.items[0]!.corrections.map((d) => d.id)).toEqual([c.id, c2.id]);
    expect(detail.corrections.map((d) => d.id)).toEqual([c.id, c2.id]);
    const flat = pdfText((await t.call('review.protocolPdf', { id: meetingId }, s.union)).contentBase64).text.replace(
      /\s+/g,
      ' ',
    );
    expect(flat).toContain('Rättelser efter justering');
    expect(flat).toContain('Varslet blev känt efter mötet');
    expect(flat).toContain('Nyligen varslat/uppsagt på arbetsplatsen');
    expect(flat).toContain('Arbetsplatsen varslade fyra anställda i november.');
  });
});
