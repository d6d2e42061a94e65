/**
 * `npm test`: typecheck, lint, unit and integration tests (vitest: the unit tests once, the integration suite on
 * SQLite and on PostgreSQL), end-to-end tests (Playwright in Chromium against the HTTP host). Every step runs even
 * when an earlier one fails, so one run shows everything; the last line is `N passed, N failed` over vitest and
 * Playwright.
 *
 * PostgreSQL: the server in VAXLA_TEST_PG_URL (a superuser or a role that may create databases), or else a throwaway
 * cluster started here in a temporary folder and removed afterwards — also on failure or Ctrl-C. Without PostgreSQL
 * on the machine the PostgreSQL part fails with how to install it; it is never skipped silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresMissingError, startThrowawayCluster, type ThrowawayCluster } from '../src/main/db/pg-cluster';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
// Not test-results/: Playwright empties its output folder when it starts, which would delete vitest's report.
const results = join(root, 'test-reports');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

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
const want = (s: string) => only.length === 0 || only.includes(s);

if (want('typecheck')) {
  step('Typkontroll (shared)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.shared.json']);
  step('Typkontroll (main, preload, tester)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
  step('Typkontroll (renderer)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
}
if (want('lint')) step('Lint', bin('eslint'), ['--max-warnings', '0', '.']);
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

let passed = 0;
let failed = 0;
const vitestFile = join(results, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8')) as { numPassedTests: number; numFailedTests: number };
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
