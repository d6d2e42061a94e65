/**
 * `npm run bench`: runs every benchmark of src/main/bench and prints ONE JSON object with all figures on stdout,
 * e.g. {"matching":{...},"exports":{...},"node":"v20.19.0","platform":"linux x64"}.
 * Each benchmark builds its own data in a temporary database; no demo data is needed.
 *
 *   --only matching,exports   run only these benchmarks
 *
 * Progress lines go to stderr so stdout stays one JSON object. Exit code 1 (and a Swedish message on stderr) if a
 * benchmark fails.
 */
import { BENCHMARKS } from '../bench';
import { flagString, parseArgs } from './args';

async function main(): Promise<number> {
  const { flags } = parseArgs(process.argv.slice(2));
  const only = flagString(flags, 'only')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((n) => !BENCHMARKS.some((b) => b.name === n)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(
      `Okänt mätprogram: ${unknown.join(', ')}. Finns: ${BENCHMARKS.map((b) => b.name).join(', ')}.\n`,
    );
    return 1;
  }
  const out: Record<string, unknown> = {};
  for (const b of BENCHMARKS) {
    if (only && !only.includes(b.name)) continue;
    process.stderr.write(`Mäter ${b.name} …\n`);
    try {
      out[b.name] = await b.run();
    } catch (e) {
      process.stderr.write(`Mätningen ${b.name} misslyckades: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  out.node = process.version;
  out.platform = `${process.platform} ${process.arch}`;
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
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
