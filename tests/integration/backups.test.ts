import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { backupsDir } from '../../src/main/db/backup';
import { queryAudit } from '../../src/main/store/audit';
import { testEngine } from '../helpers/databases';

let t: TestApp;
let admin: string;
let coord: string;

beforeEach(async () => {
  t = await createTestApp('2026-12-02T08:00:00Z');
  admin = await t.setupAdmin();
  coord = await t.userWithRoles('kim', ['coordinator']);
});
afterEach(() => t.close());

describe('backups on the administration page', () => {
  it.runIf(testEngine() === 'sqlite')(
    'the admin takes a backup now: a consistent copy with the data, listed first and audited',
    async () => {
      const before = await t.call('system.backups', {}, admin);
      expect(before.engine).toBe('sqlite');
      expect(before.folder).toBe(backupsDir(t.dataDir));
      expect(before.retention).toMatchObject({ daily: 14, manual: 20 });

      t.clock.set('2026-12-02T08:10:00Z'); // within the 30-minute session
      const b = await t.call('system.backup', {}, admin);
      expect(b).toMatchObject({ reason: 'manual', createdAt: '2026-12-02T08:10:00.000Z' });
      expect(b.bytes).toBeGreaterThan(0);

      const after = await t.call('system.backups', {}, admin);
      expect(after.backups[0]).toMatchObject({ name: b.name, reason: 'manual' });
      expect(after.backups).toHaveLength(before.backups.length + 1);

      // The copy is a whole database holding the users created before it.
      const copy = new Database(join(after.folder, b.name), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT username FROM users ORDER BY username').pluck().all() as string[]).toEqual([
        'admin',
        'kim',
      ]);
      copy.close();

      const log = await queryAudit(t.app.database, { entity: 'backup', offset: 0, limit: 5 });
      expect(log.rows[0]).toMatchObject({ username: 'admin', procedure: 'system.backup', entityId: b.name });
    },
  );

  it('only the admin may list or take backups', async () => {
    expect(await t.callRaw('system.backups', {}, coord)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.callRaw('system.backup', {}, coord)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.runIf(testEngine() === 'postgres')(
    "on PostgreSQL the page says backups are the server's, and Växla takes none",
    async () => {
      const list = await t.call('system.backups', {}, admin);
      expect(list).toMatchObject({ engine: 'postgres', folder: '', backups: [] });
      const r = await t.callRaw('system.backup', {}, admin);
      expect(r).toMatchObject({ ok: false, error: { code: 'RULE' } });
      expect(!r.ok && r.error.message).toMatch(/databasservern \(pg_dump\)/);
    },
  );
});
