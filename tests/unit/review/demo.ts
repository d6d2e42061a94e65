/**
 * The demo database for review tests: seedDemo (the orchestrator's), and — while the demo does not yet cover them —
 * a few participants in matching and the review's own seed.
 */
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../helpers/app';
import { engineTables } from '../../helpers/db';
import { seedDemo } from '../../../src/main/demo';
import { seedReview } from '../../../src/main/demo/review';
import { Rng, testPersonnummerSource, type DemoContext } from '../../../src/main/demo/context';
import { localToday } from '../../../src/main/util/clock';
import { insertParticipants } from '../../../src/main/store/participants';

const { participants, reviewMeetings, users } = engineTables();

/** Fallback while the demo has no participants yet: a few people in matching, with every sensitive field filled. */
export async function seedFallbackParticipants(d: DemoContext): Promise<void> {
  const people = [
    ['Amina', 'Hassan', 'Norrby'],
    ['Erik', 'Lundqvist', 'Hässleholmen'],
    ['Sofia', 'Berglund', 'Sjöbo'],
    ['Yusuf', 'Demir', 'Hulta'],
    ['Samira', 'Mohammadi', 'Centrum'],
    ['Tomas', 'Wikström', 'Brämhult'],
    ['Fatuma', 'Abdi', 'Göta'],
    ['Jonas', 'Carlsson', 'Trandared'],
    ['Nour', 'Karimi', 'Fristad'],
    ['Petra', 'Sandberg', 'Dalsjöfors'],
    ['Ali', 'Rahimi', 'Viskafors'],
    ['Maria', 'Gustafsson', 'Sandared'],
    ['Hamid', 'Nazari', 'Norrby'],
    ['Linnea', 'Öberg', 'Hässleholmen'],
    ['Abdullahi', 'Warsame', 'Sjöbo'],
    ['Eva', 'Kvist', 'Hulta'],
  ] as const;
  const now = d.clock.now().toISOString();
  const rows = people.map(([firstName, lastName, district], i) => ({
    ref: `2026-${String(101 + i).padStart(4, '0')}`,
    personnummer: d.testPersonnummer({ minAge: 25, maxAge: 55 }),
    firstName,
    lastName,
    phone: `070-174 06 ${String(10 + i)}`,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@exempel.se`,
    address: `${['Bryggaregatan', 'Sandgärdsgatan', 'Ryssnäsgatan', 'Hultagatan'][i % 4]} ${10 + i}`,
    postalCode: '504 30',
    city: 'Borås',
    district,
    languages: ['svenska'],
    swedishLevel: 'sas',
    educationLevel: 'upper_secondary',
    licenceClasses: ['B'],
    experienceText: 'Lagerarbete och städning',
    skills: ['städning', 'kundservice', 'snickeri', 'cykel'],
    interests: ['hantverk'],
    wishedKinds: ['second_hand', 'cleaning', 'municipal_department', 'bicycle_workshop', 'carpentry'],
    availablePercent: 100,
    earliestStart: '2026-06-01',
    restrictions: `Astma, undvik damm (${firstName})`,
    childrenInHousehold: i % 3,
    longTermRecipient: i % 2 === 0,
    monthlyAssistance: 8_000_00 + i * 137_00,
    caseworkerName: 'Socialsekreterare Test',
    referralDate: '2026-03-02',
    caseNotes: `Känslig anteckning om ${firstName} ${lastName}`,
    stage: 'matching',
    stageSince: '2026-05-04',
    createdAt: now,
    updatedAt: now,
  }));
  await d.database.tx((t) => insertParticipants(t, rows));
}

/** A test app (clock pinned at 2026-11-23T09:00Z) holding the demo data. */
export async function demoApp(): Promise<TestApp> {
  const t = await createTestApp();
  await seedDemo(t.app, { participants: 60, seed: 20261123 });
  const db = t.app.database;
  const today = localToday(t.app.clock);
  const ids = Object.fromEntries((await db.db.select().from(users)).map((u) => [u.username, u.id]));
  const rng = new Rng(7);
  const d: DemoContext = {
    database: t.app.database,
    clock: t.app.clock,
    today,
    rng,
    users: { admin: ids.admin!, coordinator: ids.koordinator!, union: ids.kommunal!, hr: ids.hr! },
    testPersonnummer: testPersonnummerSource(rng, today),
  };
  if (((await db.db.select({ n: count() }).from(participants).limit(1))[0]?.n ?? 0) === 0)
    await seedFallbackParticipants(d);
  if (((await db.db.select({ n: count() }).from(reviewMeetings).limit(1))[0]?.n ?? 0) === 0) await seedReview(d);
  return t;
}
