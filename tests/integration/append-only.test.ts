/**
 * The append-only records (audit log, union decisions, contract snapshots) refuse UPDATE and DELETE by trigger on
 * both engines (docs/product.md §3, §4 rule 3), whatever issues the statement — the app, a test, an operator with
 * SQL. On PostgreSQL TRUNCATE is refused too (it bypasses row triggers).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { testEngine } from '../helpers/databases';

let t: TestApp;
const now = "'2026-11-23T09:00:00.000Z'";
const sqlText = (text: string) => sql.raw(text);

beforeAll(async () => {
  t = await createTestApp();
  await t.setupAdmin();
  const db = t.app.database;
  // One row in each table, written as plain SQL (no service is involved in what is being tested here).
  await db.exec(`INSERT INTO workplaces (name, created_at, updated_at) VALUES ('Förrådet', ${now}, ${now})`);
  await db.exec(
    `INSERT INTO positions (workplace_id, kind, title, tasks, hours_percent, slots, period_start, employment_form, union_review_required, created_at, updated_at)
     VALUES (1, 'handyman', 'Vaktmästare', 'Extra uppgifter', 100, 1, '2026-01-01', 'subsidised_employment', ${testEngine() === 'postgres' ? 'true' : '1'}, ${now}, ${now})`,
  );
  await db.exec(
    `INSERT INTO participants (ref, personnummer, first_name, last_name, referral_date, stage, stage_since, created_at, updated_at)
     VALUES ('2026-0001', '189001019802', 'Test', 'Testsson', '2026-01-01', 'placed', '2026-01-01', ${now}, ${now})`,
  );
  await db.exec(
    `INSERT INTO proposals (participant_id, position_id, created_at, score, explanation, status, updated_at)
     VALUES (1, 1, ${now}, 10, '{}', 'approved', ${now})`,
  );
  await db.exec(
    `INSERT INTO review_meetings (date, planned_date, time, place, cutoff_date, status, created_at, updated_at)
     VALUES ('2026-11-10', '2026-11-10', '13:00', 'Rum 1', '2026-11-03', 'closed', ${now}, ${now})`,
  );
  await db.exec(
    `INSERT INTO review_decisions (meeting_id, proposal_id, decision, decided_at, recorded_at) VALUES (1, 1, 'approve', ${now}, ${now})`,
  );
  await db.exec(
    `INSERT INTO placements (participant_id, position_id, start_date, months, end_date, hours_percent, monthly_salary, status, created_at, updated_at)
     VALUES (1, 1, '2026-02-01', 12, '2027-01-31', 100, 2500000, 'active', ${now}, ${now})`,
  );
  await db.exec(
    `INSERT INTO contracts (placement_id, version, snapshot, status, generated_at) VALUES (1, 1, '{"format":1}', 'generated', ${now})`,
  );
});
afterAll(() => t.close());

const cases: Array<{ table: string; update: string; refused: RegExp }> = [
  { table: 'audit_events', update: 'detail = NULL', refused: /append-only/ },
  { table: 'review_decisions', update: "decision = 'veto'", refused: /Ett beslut får inte (ändras|tas bort)/ },
  { table: 'contracts', update: "snapshot = '{}'", refused: /Ett genererat avtal får inte (ändras|tas bort)/ },
];

describe(`append-only records on ${testEngine()}`, () => {
  for (const c of cases) {
    it(`${c.table}: UPDATE and DELETE are refused and the row stays as it was`, async () => {
      const before = await t.app.database.rows(sqlText(`SELECT * FROM ${c.table} ORDER BY id`));
      expect(before.length).toBeGreaterThan(0);
      await expect(t.app.database.exec(`UPDATE ${c.table} SET ${c.update}`)).rejects.toThrow(c.refused);
      await expect(t.app.database.exec(`DELETE FROM ${c.table}`)).rejects.toThrow(c.refused);
      if (testEngine() === 'postgres') {
        await expect(t.app.database.exec(`TRUNCATE ${c.table} CASCADE`)).rejects.toThrow(c.refused);
      }
      expect(await t.app.database.rows(sqlText(`SELECT * FROM ${c.table} ORDER BY id`))).toEqual(before);
    });
  }

  it('contracts: the status steps may still change (only the snapshot is frozen)', async () => {
    await t.app.database.exec("UPDATE contracts SET status = 'sent', sent_at = '2026-11-24' WHERE id = 1");
    const [row] = await t.app.database.rows<{ status: string }>(sqlText('SELECT status FROM contracts WHERE id = 1'));
    expect(row?.status).toBe('sent');
  });
});
