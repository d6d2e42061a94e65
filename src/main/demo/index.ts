import type { RunningApp } from '../app';
import { countUsers } from '../store/users';
import { localToday } from '../util/clock';
import { Rng, testPersonnummerSource, type DemoContext } from './context';
import { seedUsers } from './users';
import { seedCatalogue } from './catalogue';
import { seedParticipants } from './participants';
import { seedReview } from './review';
import { seedPlacements } from './placements';

export interface DemoOptions {
  participants: number;
  seed: number;
  onProgress?: (step: string) => void;
}

/** Fills an empty database with fictitious, realistic demo content for every screen. */
export async function seedDemo(app: RunningApp, opts: DemoOptions): Promise<void> {
  const existing = await countUsers(app.database);
  if (existing > 0) throw new Error('Databasen har redan användare. Demodata läggs bara in i en tom datamapp.');
  const rng = new Rng(opts.seed);
  const today = localToday(app.clock);
  opts.onProgress?.('Användare');
  const u = await seedUsers(app.database, app.clock, app.config.scryptN);
  const d: DemoContext = {
    database: app.database,
    clock: app.clock,
    today,
    rng,
    users: { admin: u.admin, coordinator: u.coordinator, union: u.union, hr: u.hr },
    testPersonnummer: testPersonnummerSource(rng, today),
  };
  // A large benchmark set uses up Skatteverket's list: then numbers are put aside first for the placement cohort
  // seeded after the people (only then, so the ordinary demo gives the same people the same numbers every run).
  const draw = d.testPersonnummer;
  const reserved =
    opts.participants > LARGE_DEMO
      ? Array.from({ length: COHORT_RESERVE }, () => draw({ minAge: 22, maxAge: 58 }))
      : [];
  let peopleSeeded = false;
  d.testPersonnummer = (range) => (peopleSeeded && reserved.length > 0 ? reserved.shift()! : draw(range));

  // Order matters: people and the catalogue first, then proposals and reviews, then placements and contracts.
  opts.onProgress?.('Arbetsplatser, platser och subventionstyper');
  await seedCatalogue(d);
  opts.onProgress?.(`${opts.participants} deltagare, informationsmöten och uppföljningar`);
  await seedParticipants(d, opts.participants, { laterStages: false });
  peopleSeeded = true;
  opts.onProgress?.('Förslag, granskningsmöten och protokoll');
  await seedReview(d);
  opts.onProgress?.('Placeringar och anställningsavtal');
  await seedPlacements(d);
}

/** Above this many demo people the numbers of Skatteverket's list may run out before the placement cohort. */
const LARGE_DEMO = 20_000;
const COHORT_RESERVE = 100;
