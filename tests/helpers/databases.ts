/**
 * Test databases on either engine. The integration suite runs twice (vitest projects 'sqlite' and 'postgres', see
 * vitest.config.ts); VAXLA_TEST_ENGINE says which. On SQLite each test app gets a fresh data folder; on PostgreSQL a
 * fresh database copied from the migrated template the project's global setup made (CREATE DATABASE … TEMPLATE,
 * which is much faster than migrating each time), dropped again when the test closes it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EngineKind } from '../../src/main/store';

export const testEngine = (): EngineKind => (process.env.VAXLA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite');

export const TEMPLATE_ENV = 'VAXLA_TEST_PG_TEMPLATE';

/** The server's URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function adminUrl(): string {
  const url = process.env.VAXLA_TEST_PG_URL;
  if (!url)
    throw new Error(
      'VAXLA_TEST_PG_URL saknas: PostgreSQL-testerna startas av npm test eller vitest-projektet "postgres".',
    );
  return url;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(adminUrl());
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty database (no tables) with the C collation Växla requires; returns its URL. */
export async function createEmptyPgDatabase(prefix = 'vaxla_e'): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  return withDatabase(adminUrl(), name);
}

/** A fresh, migrated database copied from the template; returns its URL. */
export async function createPgTestDatabase(): Promise<string> {
  const template = process.env[TEMPLATE_ENV];
  if (!template)
    throw new Error(`${TEMPLATE_ENV} saknas: den migrerade mallen görs av PostgreSQL-projektets global setup.`);
  const name = `vaxla_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      return withDatabase(adminUrl(), name);
    } catch (e) {
      // Another worker copying the same template at this instant: try again shortly.
      if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

export async function dropPgDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
