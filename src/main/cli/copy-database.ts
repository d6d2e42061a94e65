/**
 * `npm run copy-database -- --from DIR|postgres://… --to DIR|postgres://…`: copies a whole Växla database into a new,
 * empty one — from the SQLite file in a data folder to a PostgreSQL database, or back (docs/storage.md,
 * "Moving house"). Växla must not be running against either. Prints one line per table (rows, checksum, whether the
 * copy matches) on stdout; exit code 1 when the copy was refused or a table does not match.
 */
import { resolve } from 'node:path';
import { copyDatabase, formatReport } from '../db/copy';
import { isPostgresUrl, openDatabase, type DatabaseTarget, type OpenedDatabase } from '../db/open';
import { describeUrl } from '../db/postgres-engine';
import { flagString, parseArgs } from './args';

const USAGE = 'Användning: npm run copy-database -- --from MAPP|postgres://… --to MAPP|postgres://…';

function targetOf(spec: string): DatabaseTarget {
  return isPostgresUrl(spec) ? { engine: 'postgres', url: spec } : { engine: 'sqlite', dataDir: resolve(spec) };
}
const describe = (t: DatabaseTarget) => (t.engine === 'postgres' ? describeUrl(t.url) : `SQLite i ${t.dataDir}`);

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

const processIo: CliIo = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

export async function copyDatabaseCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const { flags } = parseArgs(argv);
  const from = flagString(flags, 'from');
  const to = flagString(flags, 'to');
  if (!from || !to) {
    io.err(`Ange både --from och --to.\n${USAGE}\n`);
    return 1;
  }
  const src = targetOf(from);
  const dst = targetOf(to);
  if (describe(src) === describe(dst)) {
    io.err('Källa och mål är samma databas.\n');
    return 1;
  }
  let source: OpenedDatabase | null = null;
  let target: OpenedDatabase | null = null;
  try {
    source = await openDatabase(src, new Date(), { asIs: true, max: 2 });
    target = await openDatabase(dst, new Date(), { max: 2 });
    io.err(`Kopierar ${source.database.description} → ${target.database.description} …\n`);
    const report = await copyDatabase(source.database, target.database, {
      onTable: (table, rows) => io.err(`  ${table}: ${rows} rader\n`),
    });
    io.out(`${formatReport(report)}\n`);
    const bad = report.filter((l) => !l.ok);
    if (bad.length > 0) {
      io.err(`Kopian stämmer inte för ${bad.map((l) => l.table).join(', ')}.\n`);
      return 1;
    }
    io.err(
      `Klart: ${report.reduce((n, l) => n + l.rows, 0)} rader i ${report.length} tabeller, alla kontrollsummor stämmer.\n`,
    );
    return 0;
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await source?.close();
    await target?.close();
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('copy-database.ts');
if (isMain) {
  copyDatabaseCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
