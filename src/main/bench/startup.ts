/**
 * Host start (issue "speed": under 1 s): from spawning `node scripts/host.mjs serve` (what `npm run serve` runs, the
 * built main-process code) to the line "Växla listening on …" on stdout, on a new data folder (database created and
 * migrated) and on one that exists. The bundles are built first, outside the timing. Median of five starts each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appRoot } from '../util/paths';

const RUNS = 5;

function startOnce(dataDir: string): Promise<number> {
  const root = appRoot();
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'host.mjs'), 'serve', '--data', dataDir, '--no-build'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    let ms: number | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (ms === null && out.includes('Växla listening on ')) {
        ms = performance.now() - t0;
        child.kill('SIGTERM');
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (ms === null) reject(new Error('Värden skrev aldrig sin adress.'));
      else resolve(ms);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartup(): Promise<Record<string, number>> {
  const build = spawnSync(process.execPath, [join(appRoot(), 'scripts', 'host.mjs'), '--build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('Bygget av huvudprocessens kod misslyckades.');
  const fresh: number[] = [];
  const existing: number[] = [];
  const kept = mkdtempSync(join(tmpdir(), 'vaxla-bench-start-'));
  try {
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'vaxla-bench-start-'));
      try {
        fresh.push(await startOnce(dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      existing.push(await startOnce(kept));
    }
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
  return { newDataFolderMs: Math.round(median(fresh)), existingDataFolderMs: Math.round(median(existing)), runs: RUNS };
}
