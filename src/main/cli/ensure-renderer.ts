import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, rendererDistDir } from '../util/paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when out/renderer is missing or older than its sources. Logs to stderr only. */
export function ensureRendererBuilt(): void {
  const root = appRoot();
  const index = join(rendererDistDir(), 'index.html');
  const sources = [join(root, 'src', 'renderer'), join(root, 'src', 'shared')].filter(existsSync);
  const srcTime = Math.max(...sources.map(newestMtime), statSync(join(root, 'vite.renderer.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= srcTime) return;
  process.stderr.write('Bygger gränssnittet …\n');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('Bygget av gränssnittet misslyckades.');
}
