/**
 * `npm test`'s security scan: Electronegativity (Doyensec's scanner for Electron misconfigurations) over src/.
 * Fails on any HIGH or MEDIUM finding, on a file it could not parse, and on an `eng-disable` comment that is not in
 * the list below (each one is explained in the README, "Security scan"). LOW and INFORMATIONAL findings are printed.
 *
 * Offline by design: the scanner fetches translations and Electron's release list from the internet at start; here
 * its HTTP client is replaced by one that fails at once, so the scan never waits for or depends on the network. The
 * release-list check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) then has nothing to compare against and reports nothing;
 * Electron's version is kept current through npm instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const input = join(root, 'src');

/** The only places the scanner is told to look away, as `file: CHECK_ID`, each explained in the README. */
const ALLOWED_SUPPRESSIONS = new Set([
  'main/security/external.ts: OPEN_EXTERNAL_JS_CHECK',
  'main/security/main-window.ts: PRELOAD_JS_CHECK',
]);

interface Level {
  name: string;
  value: number;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  manualReview: boolean;
}
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}

// No network: the scanner's `got` rejects immediately (it falls back to its bundled English texts).
const offline = Object.assign(() => Promise.reject(new Error('offline')), {
  head: () => Promise.reject(new Error('offline')),
});
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'got') return offline;
  return load.call(this, request, ...rest);
};
process.env.LANG = 'en-US';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<RunResult>;
const electronVersion = (require('electron/package.json') as { version: string }).version;

// The scanner logs its own progress lines through console.log; keep them out of the report.
const log = console.log;
console.log = () => undefined;
let result: RunResult;
try {
  result = await run(
    {
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: [],
      parserPlugins: [],
    },
    false,
  );
} finally {
  console.log = log;
}

const problems: string[] = [];
for (const e of result.errors) {
  if (!e.tolerable) problems.push(`kunde inte läsas: ${relative(input, e.file)}: ${e.message}`);
}
const blocking = result.issues.filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM');
for (const i of blocking) {
  problems.push(`${i.severity.name} ${i.id} i ${i.file}:${i.location.line}:${i.location.column}`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : /\.(ts|tsx|js|html)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}
for (const file of walk(input)) {
  const rel = relative(input, file).split('\\').join('/');
  for (const m of readFileSync(file, 'utf8').matchAll(/eng-disable[ \t]+([\w \t,]+)/g)) {
    for (const id of m[1]!.trim().split(/[\s,]+/)) {
      if (!ALLOWED_SUPPRESSIONS.has(`${rel}: ${id}`)) problems.push(`otillåten eng-disable ${id} i ${rel}`);
    }
  }
}

process.stdout.write(
  `Electronegativity ${result.globalChecks + result.atomicChecks} kontroller över src/ (Electron ${electronVersion}), ` +
    `${result.issues.length} fynd, ${blocking.length} HIGH/MEDIUM.\n`,
);
for (const i of result.issues) {
  process.stdout.write(
    `  ${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id} ${i.file}:${i.location.line}:${i.location.column}\n`,
  );
}
if (problems.length > 0) {
  process.stdout.write(`Säkerhetsskanningen underkänd:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
