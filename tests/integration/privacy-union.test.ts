/**
 * What Kommunal may see (docs/product.md §1, §4 rule 7). On the demo data, the demo user `kommunal` (role 'union') calls
 * every procedure of the contract:
 * - procedures open to the union (its roles, 'any' or 'public') are called with sensible inputs built from the demo
 *   data, including meeting mode (open, decide, close) and the protocol PDFs (searched as extracted text);
 * - every other procedure must answer FORBIDDEN.
 * Every reply is searched for the personnummer, name, address, phone, e-mail, assistance amount, restrictions and
 * case notes of every demo participant, and for keys that would carry them or the household; none may appear.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app';
import { contract, type ProcedureDef } from '../../src/shared/contract';
import { engineTables } from '../helpers/db';
import { DEMO_USERS } from '../../src/main/demo/users';
import { localToday } from '../../src/main/util/clock';
import { demoApp } from '../unit/review/demo';
import type { MeetingSummary } from '../../src/shared/contract/review';

const { participants, positions, reviewMeetings, users } = engineTables();

const PASSWORD = DEMO_USERS.find((u) => u.username === 'kommunal')!.password;
const workDir = mkdtempSync(join(tmpdir(), 'vaxla-privacy-'));
let t: TestApp;

beforeAll(async () => {
  t = await demoApp();
}, 60_000);
afterAll(() => {
  t?.close();
  rmSync(workDir, { recursive: true, force: true });
});

let fileNo = 0;
function pdfToText(base64: string): string {
  const file = join(workDir, `f${fileNo++}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The text of a reply to search: JSON, with files replaced by their text (PDFs extracted, others decoded). */
function replyText(value: unknown): string {
  const pdfs: string[] = [];
  const json = JSON.stringify(value, (key, v: unknown) => {
    if (key === 'contentBase64' && typeof v === 'string') {
      const bytes = Buffer.from(v, 'base64');
      const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
      pdfs.push(isPdf ? pdfToText(v) : bytes.toString('utf8'));
      return isPdf ? '[pdf]' : '[file]';
    }
    return v;
  });
  return [json ?? '', ...pdfs].join('\n');
}

const FORBIDDEN_KEYS = new Set([
  'personnummer',
  'firstName',
  'lastName',
  'phone',
  'email',
  'postalCode',
  'monthlyAssistance',
  'childrenInHousehold',
  'longTermRecipient',
  'restrictions',
  'caseNotes',
  'participant',
  'participantName',
  'participantId',
  'explanation',
  'caseworkerName',
]);

function forbiddenKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeys(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(FORBIDDEN_KEYS.has(k) ? [`${path}.${k}`] : []),
      ...forbiddenKeys(v, `${path}.${k}`),
    ]);
  }
  return [];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'iu');
const digits = (s: string) => new RegExp(`(?<!\\d)${escape(s)}(?!\\d)`);

async function sensitivePatterns(): Promise<Array<{ what: string; re: RegExp }>> {
  const db = t.app.database;
  // Names of staff (users) and of the workplaces' supervisors are not participant data and may appear; a name
  // token shared with one of them is only searched as part of the participant's full name.
  const staffNames = [
    ...(await db.db.select({ n: users.displayName, u: users.username }).from(users)).flatMap((u) => [u.n, u.u]),
    ...(await db.db.select({ n: positions.supervisorName }).from(positions)).flatMap((p) => (p.n ? [p.n] : [])),
  ].map((x) => x.toLocaleLowerCase('sv-SE'));
  const staffTokens = new Set(staffNames.flatMap((n) => n.split(/\s+/)));
  const staffFull = new Set(staffNames);
  const out: Array<{ what: string; re: RegExp }> = [];
  for (const p of await db.db.select().from(participants)) {
    const who = `deltagare ${p.ref}`;
    const pn = p.personnummer;
    out.push({ what: `${who}: personnummer`, re: digits(pn) });
    out.push({
      what: `${who}: personnummer (10 siffror)`,
      re: new RegExp(`(?<!\\d)${pn.slice(2, 8)}[-+]?${pn.slice(8)}(?!\\d)`),
    });
    const full = `${p.firstName} ${p.lastName}`;
    if (!staffFull.has(full.toLocaleLowerCase('sv-SE'))) out.push({ what: `${who}: namn`, re: word(full) });
    for (const token of [...p.firstName.split(/[\s-]+/), ...p.lastName.split(/[\s-]+/)]) {
      if (token.length < 3 || staffTokens.has(token.toLocaleLowerCase('sv-SE'))) continue;
      out.push({ what: `${who}: namn (${token})`, re: word(token) });
    }
    for (const [what, v] of [
      ['adress', p.address],
      ['telefon', p.phone],
      ['e-post', p.email],
      ['restriktioner', p.restrictions],
      ['anteckningar', p.caseNotes],
    ] as const) {
      if (v && v.trim().length >= 4) out.push({ what: `${who}: ${what}`, re: new RegExp(escape(v.trim()), 'i') });
    }
    if (p.monthlyAssistance !== null && p.monthlyAssistance >= 100_00) {
      out.push({ what: `${who}: försörjningsstöd (öre)`, re: digits(String(p.monthlyAssistance)) });
      out.push({ what: `${who}: försörjningsstöd (kr)`, re: digits(String(Math.round(p.monthlyAssistance / 100))) });
    }
  }
  return out;
}

describe('the union (kommunal) sees no personal data', () => {
  it('calls every procedure: its own ones leak nothing, every other one answers FORBIDDEN', async () => {
    const db = t.app.database;
    const meetingsInDb = await db.db.select().from(reviewMeetings);
    expect(meetingsInDb.filter((m) => m.status === 'closed').length).toBeGreaterThanOrEqual(1);
    expect((await db.db.select({ n: count() }).from(participants).limit(1))[0]!.n).toBeGreaterThan(0);

    const login = async () => {
      const r = await t.callRaw('auth.login', { username: 'kommunal', password: PASSWORD });
      if (!r.ok) throw new Error(r.error.message);
      return r;
    };
    let token = ((await login()).value as { token: string }).token;
    const replies: Array<{ proc: string; value: unknown }> = [];
    const called = new Set<string>();
    const call = async (proc: string, input: unknown) => {
      called.add(proc);
      const r = await t.callRaw(proc, input, token);
      replies.push({ proc, value: r.ok ? r.value : r.error });
      return r;
    };

    // --- the union's own procedures, on the demo data --------------------------------------------------------
    const procedures = contract as Record<string, ProcedureDef>;
    const allowed = Object.entries(procedures)
      .filter(([, p]) => p.roles === 'any' || p.roles === 'public' || (p.roles as readonly string[]).includes('union'))
      .map(([name]) => name);

    replies.push({ proc: 'auth.login', value: (await login()).value });
    called.add('auth.login');
    await call('system.status', {});
    await call('system.setup', { username: 'inkraktare', displayName: 'X', password: 'ett långt lösenord här' });
    await call('auth.me', {});
    await call('system.progress', { key: 'progress-of-nothing' });
    await call('auth.changePassword', { currentPassword: 'fel lösenord', newPassword: 'ett annat långt lösenord' });
    await call('review.getSchedule', {});
    await call('review.overview', {});
    await call('review.exportIcs', {});
    const list = await call('review.listMeetings', {});
    expect(list.ok).toBe(true);
    const meetings = (list.ok ? list.value : []) as MeetingSummary[];
    const decisionIds: Array<{ id: number; kind: string; reasonCategory: string | null }> = [];
    for (const m of meetings.filter((x) => x.itemCount > 0 || x.status === 'closed')) {
      const detail = await call('review.getMeeting', { id: m.id });
      expect(detail.ok).toBe(true);
      const items = detail.ok
        ? (
            detail.value as {
              items: Array<{ decision: { id: number | null; kind: string; reasonCategory: string | null } | null }>;
            }
          ).items
        : [];
      for (const i of items)
        if (i.decision?.id)
          decisionIds.push({ id: i.decision.id, kind: i.decision.kind, reasonCategory: i.decision.reasonCategory });
      if (m.status === 'closed') expect((await call('review.protocolPdf', { id: m.id })).ok).toBe(true);
    }

    // Meeting mode on the next meeting with items: the union opens it, decides, and closes it.
    const next = meetings.find((m) => m.status === 'planned' && m.itemCount > 0 && m.date >= localToday(t.app.clock));
    expect(next).toBeDefined();
    t.clock.set(`${next!.date}T08:00:00Z`);
    token = ((await login()).value as { token: string }).token;
    const both = [
      { name: 'Mehmet Yilmaz', party: 'union', title: 'Facklig företrädare' },
      { name: 'Karin Bergström', party: 'employer', title: 'Arbetslivshandläggare' },
    ];
    expect((await call('review.openMeeting', { id: next!.id })).ok).toBe(true);
    expect((await call('review.setAttendees', { meetingId: next!.id, attendees: both })).ok).toBe(true);
    const agenda = await call('review.getMeeting', { id: next!.id });
    const items = agenda.ok ? (agenda.value as { items: Array<{ proposalId: number }> }).items : [];
    expect(items.length).toBeGreaterThan(0);
    const [first, second] = items;
    expect(
      (
        await call('review.recordDecision', {
          meetingId: next!.id,
          proposalId: first!.proposalId,
          decision: { kind: 'defer', question: 'Hur ser schemat ut?' },
        })
      ).ok,
    ).toBe(true);
    expect((await call('review.clearDecision', { meetingId: next!.id, proposalId: first!.proposalId })).ok).toBe(true);
    expect(
      (
        await call('review.recordDecision', {
          meetingId: next!.id,
          proposalId: first!.proposalId,
          decision: { kind: 'approve', comment: 'Ok' },
        })
      ).ok,
    ).toBe(true);
    if (second) {
      expect(
        (
          await call('review.recordDecision', {
            meetingId: next!.id,
            proposalId: second.proposalId,
            decision: { kind: 'veto', reasonCategory: 'unsuitable_tasks', text: 'Uppgifterna är för tunga.' },
          })
        ).ok,
      ).toBe(true);
    }
    const closed = await call('review.closeMeeting', { id: next!.id, carryOverUndecided: true });
    expect(closed.ok).toBe(true);
    expect((await call('review.getMeeting', { id: next!.id })).ok).toBe(true);
    expect((await call('review.protocolPdf', { id: next!.id })).ok).toBe(true);

    // A correction of a locked decision (same kind, new text).
    const target = decisionIds.find((x) => x.kind === 'veto') ?? decisionIds.find((x) => x.kind === 'approve');
    expect(target).toBeDefined();
    const correction =
      target!.kind === 'veto'
        ? { kind: 'veto', reasonCategory: target!.reasonCategory ?? 'other', text: 'Rättad motivering.' }
        : { kind: 'approve', comment: 'Rättad kommentar.' };
    expect(
      (await call('review.correctDecision', { decisionId: target!.id, decision: correction, reason: 'Skrivfel' })).ok,
    ).toBe(true);
    expect((await call('review.getMeeting', { id: meetingsInDb.find((m) => m.status === 'closed')!.id })).ok).toBe(
      true,
    );

    // --- every other procedure answers FORBIDDEN -------------------------------------------------------------------
    const forbidden: string[] = [];
    for (const [name, p] of Object.entries(procedures)) {
      if (allowed.includes(name)) continue;
      const r = await t.callRaw(name, {}, token);
      replies.push({ proc: name, value: r.ok ? r.value : r.error });
      if (r.ok || r.error.code !== 'FORBIDDEN')
        forbidden.push(`${name} (${JSON.stringify(p.roles)}): ${r.ok ? 'svarade' : r.error.code}`);
    }
    expect(forbidden).toEqual([]);

    await call('auth.logout', {});
    // Every procedure the union may call was called with real inputs.
    expect(allowed.filter((name) => !called.has(name))).toEqual([]);

    // --- search every reply --------------------------------------------------------------------------------------
    const patterns = await sensitivePatterns();
    expect(patterns.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const { proc, value } of replies) {
      const text = replyText(value);
      for (const key of forbiddenKeys(value)) leaks.push(`${proc}: nyckel ${key}`);
      for (const { what, re } of patterns) {
        const m = re.exec(text);
        if (m)
          leaks.push(`${proc}: ${what} ("…${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30)}…")`);
      }
    }
    expect(leaks).toEqual([]);
    // The union did see the pseudonymous references.
    expect(replies.some(({ value }) => /Deltagare \d{4}-\d{4}/.test(replyText(value)))).toBe(true);
  });
});
