import { basename, join, resolve } from 'node:path';
import { defaultDataDir } from '../app';
import { listBackups, restoreBackup } from '../db/backup';
import { DB_FILE_NAME } from '../db/open';
import { flagString, parseArgs } from './args';

/**
 * `npm run restore -- --data DIR` lists the backups; `--from NAME|latest` restores one (Växla must be closed).
 * The current database is first saved as a 'prerestore' backup.
 */
async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  const dataDir = resolve(flagString(flags, 'data') ?? defaultDataDir());
  const backups = listBackups(dataDir);
  const from = flagString(flags, 'from');
  if (!from) {
    if (backups.length === 0) return void process.stdout.write(`Inga säkerhetskopior i ${dataDir}.\n`);
    for (const b of backups) process.stdout.write(`${b.name}\t${b.createdAt}\t${b.reason}\t${Math.round(b.bytes / 1024)} kB\n`);
    process.stdout.write('Återställ med: npm run restore -- --data DIR --from NAMN (eller --from latest)\n');
    return;
  }
  const chosen = from === 'latest' ? backups[0] : backups.find((b) => b.name === basename(from));
  if (!chosen) throw new Error(`Hittar ingen säkerhetskopia "${from}" i ${dataDir}.`);
  await restoreBackup(dataDir, join(dataDir, DB_FILE_NAME), chosen.file, new Date());
  process.stdout.write(`Återställde ${chosen.name}. Den tidigare databasen sparades som säkerhetskopia (prerestore).\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
