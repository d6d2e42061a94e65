import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir, startApp } from '../app';
import { DB_FILE_NAME } from '../db/open';
import { DEMO_USERS } from '../demo/users';
import { seedDemo } from '../demo';
import { flagString, parseArgs } from './args';
import type { Clock } from '../util/clock';

/**
 * `npm run demo -- --data DIR [--database postgres://…] [--participants N] [--seed S]`: a new database with demo
 * content (on PostgreSQL the database must be empty: created and never used). Prints one line
 * `username: password` per demo account on stdout; progress goes to stderr.
 */
export async function demo(argv: string[], opts: { clock?: Clock } = {}): Promise<void> {
  const { flags } = parseArgs(argv);
  const dataDir = resolve(flagString(flags, 'data') ?? defaultDataDir());
  const participants = Number(flagString(flags, 'participants') ?? 200);
  const seed = Number(flagString(flags, 'seed') ?? 20261123);
  if (!Number.isInteger(participants) || participants < 0 || participants > 100_000)
    throw new Error('--participants ska vara ett heltal 0–100 000.');
  const database = flagString(flags, 'database');
  if (
    database === undefined &&
    !process.env.VAXLA_DATABASE_URL &&
    existsSync(join(dataDir, DB_FILE_NAME)) &&
    flags.force !== true
  ) {
    throw new Error(
      `Det finns redan en databas i ${dataDir}. Välj en ny mapp (demodata skriver aldrig över riktiga uppgifter).`,
    );
  }
  const app = await startApp({ dataDir, database, ...(opts.clock ? { clock: opts.clock } : {}) });
  try {
    await seedDemo(app, { participants, seed, onProgress: (s) => process.stderr.write(`Demodata: ${s} …\n`) });
  } finally {
    await app.close();
  }
  for (const u of DEMO_USERS) process.stdout.write(`${u.username}: ${u.password}\n`);
  process.stderr.write(`Klart. ${app.database.description}\n`);
}

// By name, not by import.meta.url: see serve.ts.
const isMain = /[\\/]demo\.(ts|mjs)$/.test(process.argv[1] ?? '');
if (isMain) {
  demo(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
