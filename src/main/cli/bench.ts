/**
 * `npm run bench`: runs every benchmark of src/main/bench on SQLite and on PostgreSQL, the same operations on the
 * same seeded data, and prints ONE JSON object on stdout:
 *   {"sqlite":{"participants":{…},"matching":{…},"exports":{…}},"postgres":{…},
 *    "postgresVersusSqlite":{"matching.candidates.medianMs":1.4,…},"node":"v20.19.0","platform":"linux x64"}
 * Each benchmark builds its own data in a throw-away database; no demo data is needed.
 *
 *   --only matching,exports        run only these benchmarks
 *   --engines sqlite,postgres      the engines to measure (default both)
 *   --database postgres://…        the PostgreSQL server to measure on (or VAXLA_DATABASE_URL); its role must be
 *                                  allowed to create databases: each benchmark makes its own and drops it. Without
 *                                  it a throwaway cluster is started in a temporary folder (as `npm test` does)
 *                                  and removed afterwards.
 *
 * Progress lines go to stderr so stdout stays one JSON object. Exit code 1 (and a Swedish message on stderr) if a
 * benchmark fails, or if PostgreSQL is asked for and neither a server nor its binaries are there.
 */
import { BENCHMARKS } from '../bench';
import { postgresTarget, sqliteTarget, type BenchTarget } from '../bench/targets';
import { startThrowawayCluster, type ThrowawayCluster } from '../db/pg-cluster';
import { isPostgresUrl } from '../db/open';
import { flagString, parseArgs } from './args';

const list = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Ratios postgres/sqlite of every millisecond figure present on both (keys like "matching.candidates.medianMs"). */
function ratios(a: unknown, b: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
  if (typeof a === 'number' && typeof b === 'number') {
    if (/ms$/i.test(prefix) && b > 0) out[prefix] = Math.round((a / b) * 100) / 100;
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of Object.keys(a)) {
      ratios((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
    }
  }
  return out;
}

async function main(): Promise<number> {
  const { flags } = parseArgs(process.argv.slice(2));
  const only = list(flagString(flags, 'only'));
  const unknown = only?.filter((n) => !BENCHMARKS.some((b) => b.name === n)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(
      `Okänt mätprogram: ${unknown.join(', ')}. Finns: ${BENCHMARKS.map((b) => b.name).join(', ')}.\n`,
    );
    return 1;
  }
  const engines = list(flagString(flags, 'engines')) ?? ['sqlite', 'postgres'];
  const wrong = engines.filter((e) => e !== 'sqlite' && e !== 'postgres');
  if (wrong.length > 0) {
    process.stderr.write(`Okänd databasmotor: ${wrong.join(', ')}. Finns: sqlite, postgres.\n`);
    return 1;
  }
  // The server for PostgreSQL; the SQLite runs must not pick it up from the environment.
  const server = flagString(flags, 'database') ?? process.env.VAXLA_DATABASE_URL;
  delete process.env.VAXLA_DATABASE_URL;
  if (server !== undefined && !isPostgresUrl(server)) {
    process.stderr.write(`--database ska vara en adress som börjar med postgres:// (fick "${server.slice(0, 40)}").\n`);
    return 1;
  }

  let cluster: ThrowawayCluster | null = null;
  const stop = () => {
    cluster?.stop();
    cluster = null;
  };
  const onSignal = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const targets: BenchTarget[] = [];
    for (const e of engines) {
      if (e === 'sqlite') targets.push(sqliteTarget);
      else {
        let url = server;
        if (!url) {
          cluster = await startThrowawayCluster({ log: (l) => process.stderr.write(`${l}\n`) });
          url = cluster.url;
        }
        targets.push(postgresTarget(url));
      }
    }
    const out: Record<string, unknown> = {};
    for (const target of targets) {
      const figures: Record<string, unknown> = {};
      for (const b of BENCHMARKS) {
        if (only && !only.includes(b.name)) continue;
        if (b.sqliteOnly && target.engine !== 'sqlite') continue;
        process.stderr.write(`Mäter ${b.name} på ${target.engine} …\n`);
        try {
          figures[b.name] = await b.run(target);
        } catch (e) {
          process.stderr.write(
            `Mätningen ${b.name} på ${target.engine} misslyckades: ${e instanceof Error ? e.message : String(e)}\n`,
          );
          return 1;
        }
      }
      out[target.engine] = figures;
    }
    if (out.sqlite && out.postgres) out.postgresVersusSqlite = ratios(out.postgres, out.sqlite);
    out.node = process.version;
    out.platform = `${process.platform} ${process.arch}`;
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } finally {
    stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Mätningen misslyckades: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
