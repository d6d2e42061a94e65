/**
 * docs/product.md §1 and §4.7: health restrictions, assistance amounts, household and case notes reach coordinators and
 * admins only. Every procedure of the participant and meeting areas is called as the union ('kommunal') and as HR;
 * no reply may contain any of those values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantsContract } from '../../src/shared/contract/participants';
import { meetingsContract } from '../../src/shared/contract/meetings';
import {
  attend,
  createMeeting,
  createParticipant,
  createWorld,
  freshPnr,
  travel,
  type World,
} from './participants-helpers';

const SECRETS = {
  restrictions: 'HEMLIG-RYGGBESVÄR-7731',
  caseNotes: 'HEMLIG-ANTECKNING-4419',
  monthlyAssistance: 987_654, // öre
  pauseNote: 'HEMLIG-PAUSNOT-2203',
  timelineNote: 'HEMLIG-TIDSLINJE-5530',
};
/** Keys that carry the social case; none may appear in a reply to HR or the union. */
const FORBIDDEN_KEYS = [
  'restrictions',
  'caseNotes',
  'monthlyAssistance',
  'childrenInHousehold',
  'longTermRecipient',
  'pause',
  'deviations',
  'followUps',
];

let w: World;
let pid: number;
let pausedId: number;
let meetingId: number;
let deviationId: number;
let followUpId: number;

beforeAll(async () => {
  w = await createWorld();
  pid = await createParticipant(w, {
    restrictions: SECRETS.restrictions,
    caseNotes: SECRETS.caseNotes,
    monthlyAssistance: SECRETS.monthlyAssistance,
    childrenInHousehold: 7, // a small number appears everywhere; the key check below covers the household
  });
  await w.t.call('participants.addNote', { id: pid, note: SECRETS.timelineNote }, w.coord);
  pausedId = await createParticipant(w, { caseNotes: SECRETS.caseNotes, monthlyAssistance: SECRETS.monthlyAssistance });
  await w.t.call(
    'participants.pause',
    { id: pausedId, reason: 'other', note: SECRETS.pauseNote, expectedReturn: '2027-02-01' },
    w.coord,
  );
  // two no-shows → a deviation report
  await attend(w, pid, false);
  await attend(w, pid, false);
  deviationId = (await w.t.call('deviations.list', {}, w.coord)).rows[0]!.id;
  meetingId = await createMeeting(w);
  // someone who exited (follow-ups)
  const exited = await createParticipant(w, { caseNotes: SECRETS.caseNotes });
  await w.t.app.database.exec(`UPDATE participants SET stage = 'placed' WHERE id = ${exited}`);
  await w.t.call('participants.exit', { id: exited, outcome: 'ordinary_job', date: '2026-11-20' }, w.coord);
  followUpId = (await w.t.call('participants.followUps', { status: 'all' }, w.coord)).rows[0]!.id;
});
afterAll(() => w.t.close());

/** A valid input for every procedure (so a refusal is about the role, not the input). */
function sampleInputs(): Record<string, unknown> {
  const csv = Buffer.from(
    `Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare\r\n${freshPnr()};Ny;Person;2026-11-01;Eva Ek\r\n`,
  ).toString('base64');
  return {
    'participants.list': { search: 'yusuf' },
    'participants.filterOptions': {},
    'participants.get': { id: pid },
    'participants.checkPersonnummer': { personnummer: freshPnr() },
    'participants.create': { personnummer: freshPnr(), firstName: 'A', lastName: 'B', referralDate: '2026-11-01' },
    'participants.update': { id: pid, phone: '033-12 34 56' },
    'participants.updateMapping': { id: pid, languages: ['dari'] },
    'participants.addNote': { id: pid, note: 'x' },
    'participants.transition': { id: pid, to: 'mapped' },
    'participants.pause': { id: pid, reason: 'sick_leave', expectedReturn: '2027-01-01' },
    'participants.resume': { id: pausedId },
    'participants.close': { id: pid, reason: 'declined' },
    'participants.exit': { id: pid, outcome: 'studies', date: '2026-11-20' },
    'participants.reopen': { id: pid, referralDate: '2026-11-20' },
    'participants.importPreview': { fileName: 'r.csv', contentBase64: csv },
    'participants.importCommit': { fileName: 'r.csv', contentBase64: csv },
    'participants.followUps': { status: 'all' },
    'participants.recordFollowUp': { id: followUpId, selfSupporting: 'yes' },
    'participants.dashboard': {},
    'meetings.list': { scope: 'all' },
    'meetings.get': { id: meetingId },
    'meetings.create': { startsAt: '2026-12-20T09:00', endsAt: '2026-12-20T10:00', place: 'X', capacity: 3 },
    'meetings.update': {
      id: meetingId,
      startsAt: '2026-12-21T09:00',
      endsAt: '2026-12-21T10:00',
      place: 'Y',
      capacity: 3,
    },
    'meetings.cancel': { id: meetingId, reason: 'x' },
    'meetings.book': { meetingId, participantIds: [pid] },
    'meetings.unbook': { meetingId, participantId: pid },
    'meetings.recordAttendance': { meetingId, entries: [{ participantId: pid, attended: true }] },
    'meetings.exportIcs': { scope: 'all' },
    'deviations.list': { status: 'all' },
    'deviations.letter': { id: deviationId },
    'deviations.setStatus': { id: deviationId, status: 'sent' },
  };
}

const PROCEDURES = [...Object.keys(participantsContract), ...Object.keys(meetingsContract)];

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  const found: string[] = [];
  for (const [k, v] of Object.entries(SECRETS)) if (text.includes(String(v))) found.push(k);
  for (const key of FORBIDDEN_KEYS) if (text.includes(`"${key}"`)) found.push(`key ${key}`);
  // base64 files (PDF, ICS) are decoded and searched too
  const files = text.match(/"contentBase64":"([A-Za-z0-9+/=]+)"/g) ?? [];
  for (const f of files) {
    const decoded = Buffer.from(f.slice(17, -1), 'base64').toString('latin1');
    for (const [k, v] of Object.entries(SECRETS)) if (decoded.includes(String(v))) found.push(`file ${k}`);
  }
  return found;
}

describe('privacy of the social case', () => {
  it('has a sample input for every procedure of the area', () => {
    expect(Object.keys(sampleInputs()).sort()).toEqual([...PROCEDURES].sort());
  });

  it('the coordinator does see the values (so the checks below can fail)', async () => {
    const detail = await w.t.call('participants.get', { id: pid }, w.coord);
    expect(leaks(detail)).toEqual(
      expect.arrayContaining(['restrictions', 'caseNotes', 'monthlyAssistance', 'timelineNote']),
    );
    const paused = await w.t.call('participants.get', { id: pausedId }, w.coord);
    expect(leaks(paused)).toContain('pauseNote');
  });

  it('the union (kommunal) is refused every participant and meeting procedure', async () => {
    const inputs = sampleInputs();
    for (const name of PROCEDURES) {
      const r = await w.t.callRaw(name, inputs[name], w.union);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(leaks(r), name).toEqual([]);
    }
  });

  it('HR reaches list, filters and detail, never the social case, and is refused the rest', async () => {
    const inputs = sampleInputs();
    const allowed: string[] = [];
    for (const name of PROCEDURES) {
      const r = await w.t.callRaw(name, inputs[name], w.hr);
      expect(leaks(r), name).toEqual([]);
      if (r.ok) allowed.push(name);
      else expect(r.error.code, name).toBe('FORBIDDEN');
    }
    expect(allowed.sort()).toEqual(['participants.filterOptions', 'participants.get', 'participants.list']);
    for (const id of [pid, pausedId]) {
      const d = await w.t.call('participants.get', { id }, w.hr);
      expect(d.timeline.length).toBeGreaterThan(0);
      expect(leaks(d)).toEqual([]);
    }
  });

  it('every read of a person by HR is audited too', async () => {
    await travel(w, '2026-11-24T08:00:00Z');
    await w.t.call('participants.get', { id: pausedId }, w.hr);
    const audit = await w.t.call(
      'audit.list',
      { entity: 'participant', entityId: String(pausedId), action: 'read' },
      w.admin,
    );
    expect(audit.rows[0]).toMatchObject({ username: 'hanna', procedure: 'participants.get' });
  });
});
