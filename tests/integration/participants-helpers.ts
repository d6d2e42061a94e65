/** Shared set-up for the participant and meeting integration tests. */
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app';
import { localNow } from '../../src/main/util/clock';
import { skatteverketTestNumbers } from '../../src/main/demo/context';
import type { ParticipantCreateInput } from '../../src/shared/domain/participant';

export interface World {
  t: TestApp;
  admin: string;
  coord: string;
  hr: string;
  union: string;
}

export async function createWorld(now?: string): Promise<World> {
  const t = await createTestApp(now);
  const admin = await t.setupAdmin();
  const coord = await t.userWithRoles('kim', ['coordinator']);
  const hr = await t.userWithRoles('hanna', ['hr']);
  const union = await t.userWithRoles('kommunal', ['union']);
  return { t, admin, coord, hr, union };
}

/** Skatteverket's test numbers for adults (they belong to no one), in file order. */
export const testNumbers: string[] = skatteverketTestNumbers().filter((n) => {
  const year = Number(n.slice(0, 4));
  return year >= 1962 && year <= 2005 && Number(n.slice(6, 8)) <= 31;
});

let next = 0;
/** A fresh adult test personnummer (12 digits). */
export function freshPnr(): string {
  const n = testNumbers[next++ % testNumbers.length];
  if (!n) throw new Error('no test numbers');
  return n;
}

export function referral(overrides: Partial<ParticipantCreateInput> = {}): ParticipantCreateInput {
  return {
    personnummer: freshPnr(),
    firstName: 'Amina',
    lastName: 'Yusuf',
    phone: '033-35 70 00',
    email: 'amina.yusuf@example.se',
    address: 'Kungsgatan 1',
    postalCode: '50332',
    city: 'Borås',
    district: 'Norrby',
    referralDate: '2026-11-02',
    caseworkerName: 'Eva Ek',
    caseworkerUnit: 'Försörjningsstöd Norr',
    caseworkerPhone: '033-35 80 00',
    caseworkerEmail: 'eva.ek@example.se',
    childrenInHousehold: 2,
    longTermRecipient: true,
    monthlyAssistance: 1_234_500,
    caseNotes: 'Behöver stöd med barnomsorg.',
    ...overrides,
  };
}

/** A mapping with every field matching needs. */
export const completeMapping = {
  languages: ['somaliska', 'arabiska'],
  swedishLevel: 'sfi_c' as const,
  educationLevel: 'primary' as const,
  licenceClasses: ['B' as const],
  experienceText: 'Städning på hotell i tre år.',
  ssykCode: '9111',
  skills: ['städning', 'kundservice'],
  interests: ['cyklar'],
  restrictions: null,
  wishedKinds: ['cleaning' as const, 'bicycle_workshop' as const],
  availablePercent: 75,
  earliestStart: '2026-12-01',
};

/** Creates a participant and returns its id. */
export async function createParticipant(w: World, overrides: Partial<ParticipantCreateInput> = {}): Promise<number> {
  return (await w.t.call('participants.create', referral(overrides), w.coord)).id;
}

/** A meeting a week ahead (local time), returns its id. */
export async function createMeeting(
  w: World,
  opts: { startsAt?: string; endsAt?: string; capacity?: number; place?: string; interpreterLanguages?: string[] } = {},
): Promise<number> {
  const m = await w.t.call(
    'meetings.create',
    {
      startsAt: opts.startsAt ?? '2026-11-30T09:00',
      endsAt: opts.endsAt ?? '2026-11-30T11:00',
      place: opts.place ?? 'Jobb Borås, Västerbrogatan 4',
      capacity: opts.capacity ?? 10,
      interpreterLanguages: opts.interpreterLanguages ?? ['somaliska'],
    },
    w.coord,
  );
  return m.id;
}

/** Local 'YYYY-MM-DDTHH:MM' `minutes` from the test clock's now. */
export function localIn(w: World, minutes: number): string {
  return localNow({ now: () => new Date(w.t.clock.now().getTime() + minutes * 60_000) });
}

/**
 * Takes participants from referred to attended through a meeting starting in five minutes; the clock moves on a
 * quarter of an hour (sessions stay alive).
 */
export async function attend(w: World, participantId: number | number[], attended = true): Promise<number> {
  const ids = Array.isArray(participantId) ? participantId : [participantId];
  const mid = await createMeeting(w, { startsAt: localIn(w, 5), endsAt: localIn(w, 60) });
  await w.t.call('meetings.book', { meetingId: mid, participantIds: ids }, w.coord);
  w.t.clock.advance(15 * 60_000);
  await w.t.call(
    'meetings.recordAttendance',
    { meetingId: mid, entries: ids.map((id) => ({ participantId: id, attended })) },
    w.coord,
  );
  return mid;
}

/** Moves the clock (sessions expire after 30 idle minutes, so everyone logs in again). */
export async function travel(w: World, iso: string): Promise<void> {
  w.t.clock.set(iso);
  const login = async (username: string) => (await w.t.call('auth.login', { username, password: TEST_PASSWORD })).token;
  w.admin = await login('admin');
  w.coord = await login('kim');
  w.hr = await login('hanna');
  w.union = await login('kommunal');
}
