/**
 * Global setup of the vitest project 'postgres': a server (VAXLA_TEST_PG_URL, or a throwaway cluster started here
 * when a developer runs vitest directly) and a migrated template database that every test database is copied from.
 * Without PostgreSQL binaries and without a URL this fails with how to install them — never a silent skip.
 */
import pg from 'pg';
import { openPostgresDatabase } from '../../src/main/db/open';
import { startThrowawayCluster, type ThrowawayCluster } from '../../src/main/db/pg-cluster';
import { TEMPLATE_ENV, withDatabase } from './databases';

export default async function setup(): Promise<() => Promise<void>> {
  let cluster: ThrowawayCluster | null = null;
  if (!process.env.VAXLA_TEST_PG_URL) {
    cluster = await startThrowawayCluster({ log: (l) => process.stderr.write(`${l}\n`) });
    process.env.VAXLA_TEST_PG_URL = cluster.url;
  }
  const url = process.env.VAXLA_TEST_PG_URL;
  const template = `vaxla_template_${process.pid}`;
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await admin.end();
  }
  const opened = await openPostgresDatabase(withDatabase(url, template), new Date('2026-01-01T00:00:00Z'), { max: 1 });
  await opened.close();
  process.env[TEMPLATE_ENV] = template;
  return async () => {
    if (cluster) {
      cluster.stop();
      return;
    }
    const c = new pg.Client(url);
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
}
