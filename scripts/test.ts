/**
 * `npm test`: typecheck, lint, the Electron security scan, unit and integration tests (vitest: the unit tests once,
 * the integration suite on SQLite and on PostgreSQL), end-to-end tests (Playwright in Chromium against the HTTP host).
 * Every step runs even when an earlier one fails, so one run shows everything; the last line is `N passed, N failed`
 * over vitest and Playwright.
 *
 * PostgreSQL: the server in VAXLA_TEST_PG_URL (a superuser or a role that may create databases), or else a throwaway
 * cluster started here in a temporary folder and removed afterwards — also on failure or Ctrl-C. Without PostgreSQL
 * on the machine the PostgreSQL part fails with how to install it; it is never skipped silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresMissingError, startThrowawayCluster, type ThrowawayCluster } from '../src/main/db/pg-cluster';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
// Not test-results/: Playwright empties its output folder when it starts, which would delete vitest's report.
const results = join(root, 'test-reports');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

/** Wall-clock instants for the faketime step: 2026 has an ISO week 53; 2028-02-29 is a leap day; 2027-06-25 is midsummer eve. */
const FAKETIME_AT = ['2026-12-31 10:00:00', '2028-02-28 10:00:00', '2027-06-24 10:00:00'];
/** The tests whose subject is the calendar: date rules, holidays, schedules, durations, expiry, follow-ups. */
const DATE_SENSITIVE_TESTS = [
  'tests/unit/rules',
  'tests/unit/calendar',
  'tests/unit/placements',
  'tests/unit/review',
  'tests/unit/journey',
  'tests/unit/documents/ics.test.ts',
  'tests/integration/review-schedule.test.ts',
  'tests/integration/placements.test.ts',
  'tests/integration/placements-demo.test.ts',
  'tests/integration/meetings.test.ts',
  'tests/integration/participants-journey.test.ts',
  'tests/integration/auth.test.ts',
  'tests/integration/backups.test.ts',
];

const failedSteps: string[] = [];
let cluster: ThrowawayCluster | null = null;
const stopCluster = () => {
  cluster?.stop();
  cluster = null;
};
process.on('exit', stopCluster);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopCluster();
    process.exit(130);
  });
}
function step(name: string, cmd: string, args: string[]): void {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) failedSteps.push(name);
  process.stdout.write(`=== ${name}: ${r.status === 0 ? 'ok' : 'MISSLYCKADES'} (${secs} s) ===\n`);
}

const only = process.argv.slice(2);
// `all`: every default step (as with no arguments), so that `npm test -- all faketime` adds the faketime runs.
const want = (s: string) => only.length === 0 || only.includes('all') || only.includes(s);

if (want('typecheck')) {
  step('Typkontroll (shared)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.shared.json']);
  step('Typkontroll (main, preload, tester)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
  step('Typkontroll (renderer)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
}
if (want('lint')) step('Lint', bin('eslint'), ['--max-warnings', '0', '.']);
// Electronegativity over src/, offline: 0 HIGH/MEDIUM findings (scripts/electronegativity.ts; README "Security scan").
if (want('scan')) step('Säkerhetsskanning (Electronegativity)', bin('tsx'), ['scripts/electronegativity.ts']);
if (want('unit')) {
  // The PostgreSQL half of the integration suite needs a server: the given one, or a throwaway cluster.
  let projects: string[] = [];
  if (!process.env.VAXLA_TEST_PG_URL) {
    try {
      cluster = await startThrowawayCluster({ log: (l) => process.stdout.write(`${l}\n`) });
      process.env.VAXLA_TEST_PG_URL = cluster.url;
    } catch (e) {
      process.stdout.write(`\n${e instanceof PostgresMissingError ? e.message : `PostgreSQL: ${String(e)}`}\n`);
      failedSteps.push('PostgreSQL (saknas)');
      projects = ['--project', 'unit', '--project', 'sqlite'];
    }
  }
  step('Enhets- och integrationstester (vitest, SQLite och PostgreSQL)', bin('vitest'), [
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(results, 'vitest.json')}`,
  ]);
  stopCluster();
}
if (want('e2e')) step('End-to-end-tester (Playwright)', bin('playwright'), ['test']);
// Not a default step (it needs libfaketime): the date-sensitive tests again with the wall clock set, by libfaketime,
// to New Year's Eve of a year with ISO week 53, the day before a leap day and midsummer week. .ci/run asks for it.
if (only.includes('faketime')) {
  for (const at of FAKETIME_AT) {
    const report = join(results, `vitest-faketime-${at.slice(0, 10)}.json`);
    // SQLite only: the calendar logic is the same on both engines, and the PostgreSQL half already ran above.
    step(`Datumkänsliga tester vid ${at} (faketime)`, 'faketime', [at, bin('vitest'), 'run', '--project', 'unit', '--project', 'sqlite', ...DATE_SENSITIVE_TESTS, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  }
}

let passed = 0;
let failed = 0;
// vitest.json and the faketime runs' vitest-faketime-*.json: every runner counts in the one closing line.
for (const name of readdirSync(results).filter((f) => /^vitest.*\.json$/.test(f))) {
  const v = JSON.parse(readFileSync(join(results, name), 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
const pwFile = join(results, 'playwright.json');
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
if (failedSteps.length) process.stdout.write(`\nMisslyckade steg: ${failedSteps.join(', ')}\n`);
if (passed + failed === 0 && (want('unit') || want('e2e'))) {
  process.stdout.write('Inga tester kördes.\n');
  failedSteps.push('inga tester');
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
