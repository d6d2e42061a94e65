import { count } from 'drizzle-orm';
import type { RunningApp } from '../app';
import { users } from '../db/schema';
import { localToday } from '../util/clock';
import { Rng, testPersonnummerSource, type DemoContext } from './context';
import { seedUsers } from './users';

export interface DemoOptions {
  participants: number;
  seed: number;
  onProgress?: (step: string) => void;
}

/** Fills an empty database with fictitious, realistic demo content for every screen. */
export async function seedDemo(app: RunningApp, opts: DemoOptions): Promise<void> {
  const existing = app.db.select({ n: count() }).from(users).get()?.n ?? 0;
  if (existing > 0) throw new Error('Databasen har redan användare. Demodata läggs bara in i en tom datamapp.');
  const rng = new Rng(opts.seed);
  const today = localToday(app.clock);
  opts.onProgress?.('Användare');
  const u = await seedUsers(app.db, app.clock, app.config.scryptN);
  const d: DemoContext = {
    db: app.db,
    clock: app.clock,
    today,
    rng,
    users: { admin: u.admin, coordinator: u.coordinator, union: u.union, hr: u.hr },
    testPersonnummer: testPersonnummerSource(rng, today),
  };
  void d;
}
