/** Key/value settings (the value is JSON): matching weights, the review schedule, the employer on contracts. */
import { eq } from 'drizzle-orm';
import type { Reader, Tx } from '../db/engine';
import type { settings } from '../db/schema';

export type SettingRow = typeof settings.$inferSelect;

export async function getSetting(r: Reader, key: string): Promise<SettingRow | undefined> {
  const { settings } = r.tables;
  const [row] = await r.db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row;
}

/** Writes a setting (insert or replace). */
export async function putSetting(
  t: Tx,
  key: string,
  value: unknown,
  updatedAt: string,
  updatedBy: number | null,
): Promise<void> {
  const { settings } = t.tables;
  await t.db
    .insert(settings)
    .values({ key, value, updatedAt, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt, updatedBy } });
}
