/**
 * `npm start`: the desktop app in Electron where its binary is present or can be fetched (with electron's own
 * installer, whose install script npm is told not to run), otherwise the same UI through the local HTTP host in the
 * system browser. It always prints the address.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureHostBuilt, HOST_ENTRIES } from './host.mjs';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const passthrough = process.argv.slice(2);

function electronBinary(): string | null {
  const pathTxt = join(electronDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const p = join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(p) ? p : null;
}

function fetchElectron(): boolean {
  if (!existsSync(join(electronDir, 'install.js'))) return false;
  process.stderr.write('Hämtar Electron med dess egen installerare …\n');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0 && electronBinary() !== null) return true;
  // One line on why, not the installer's stack trace.
  const output = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const reason = /^\w*Error: .*$/m.exec(output)?.[0] ?? (r.error ? r.error.message : `avslutades med kod ${r.status}`);
  process.stderr.write(`Electron kunde inte hämtas: ${reason}\n`);
  return false;
}

/**
 * better-sqlite3 is compiled for Node (tests and the HTTP host use it). Electron needs its own build for its ABI:
 * built once into .cache/electron-native and picked up by src/main/db/connection.ts when running in Electron.
 */
function ensureElectronSqlite(): boolean {
  const out = join(root, '.cache', 'electron-native', 'better_sqlite3.node');
  if (existsSync(out)) return true;
  const version = (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  const work = join(root, '.cache', 'electron-build', 'better-sqlite3');
  mkdirSync(join(root, '.cache', 'electron-native'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  process.stderr.write(`Bygger better-sqlite3 för Electron ${version} …\n`);
  const gyp = join(root, 'node_modules', '.bin', 'node-gyp');
  const r = spawnSync(existsSync(gyp) ? gyp : 'npx', [...(existsSync(gyp) ? [] : ['--yes', 'node-gyp']), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: work,
    stdio: 'inherit',
    timeout: 600_000,
  });
  if (r.status !== 0) return false;
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), out);
  return true;
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write('Ingen webbläsare kunde öppnas automatiskt: öppna adressen ovan själv.\n'));
    child.unref();
  } catch {
    process.stderr.write('Ingen webbläsare kunde öppnas automatiskt: öppna adressen ovan själv.\n');
  }
}

async function main(): Promise<void> {
  const bin = electronBinary() ?? (fetchElectron() ? electronBinary() : null);
  if (bin && ensureElectronSqlite()) {
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status === 0) {
      process.stderr.write('Startar Växla i Electron …\n');
      const child = spawn(bin, [root, ...passthrough], { stdio: 'inherit', env: { ...process.env, VAXLA_APP_ROOT: root } });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
  }
  process.stderr.write(
    'Electron kan inte köras på den här datorn (programfilen kunde inte hämtas eller byggas). ' +
      'Växla startar i stället i webbläsaren via den lokala värden – samma gränssnitt och samma data.\n',
  );
  // The built host (scripts/host.mjs), not the TypeScript sources: it listens in well under a second.
  await ensureHostBuilt();
  const built = (await import(pathToFileURL(join(root, HOST_ENTRIES.serve[1])).href)) as typeof import('../src/main/cli/serve');
  await built.serve(passthrough, { openBrowser });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
