/**
 * Direct reads for assertions, on either engine: the database handle's drizzle builder and the engine's tables
 * (typed as the canonical SQLite schema). Tests write records through the stores or the procedures; they read what
 * they assert on here.
 */
import type { Database } from '../../src/main/store';

export function q(database: Database) {
  return { db: database.db, ...database.tables };
}

import { pgTables, sqliteTables } from '../../src/main/db/pg-schema';
import type { Tables } from '../../src/main/db/engine';
import { testEngine } from './databases';

/** The tables of the engine under test (the same objects the stores use), for assertions with drizzle. */
export function engineTables(): Tables {
  return (testEngine() === 'postgres' ? pgTables : sqliteTables) as unknown as Tables;
}
