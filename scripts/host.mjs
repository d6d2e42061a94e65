/**
 * Runs a main-process command from its built bundle: `node scripts/host.mjs <serve|demo|restore> [args]`
 * (`npm run serve` and friends), or `node scripts/host.mjs --build` to build only.
 *
 * Plain JavaScript on purpose: starting through tsx compiled some 200 TypeScript files at every start (about 3 s before
 * the host listened). The commands are bundled once with esbuild into out/host/ (the end-to-end tests' pinned-clock
 * entry into out/e2e/), and bundled again only when a source is newer than the last build, like the renderer.
 * Packages stay outside the bundles (better-sqlite3 is native). Build messages go to stderr; stdout is the command's.
 */
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** command → [source, bundle] */
export const HOST_ENTRIES = {
  serve: ['src/main/cli/serve.ts', 'out/host/serve.mjs'],
  demo: ['src/main/cli/demo.ts', 'out/host/demo.mjs'],
  restore: ['src/main/cli/restore.ts', 'out/host/restore.mjs'],
  'e2e-pinned-host': ['tests/e2e/pinned-host.ts', 'out/e2e/pinned-host.mjs'],
};

/** What the bundles are built from: a change to any of these makes them stale. */
const SOURCES = ['src/main', 'src/shared', 'tests/e2e/pinned-host.ts', 'scripts/host.mjs', 'package.json'];
const STAMP = join(root, 'out', 'host', '.built');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the bundles when one is missing or older than its sources. Returns whether it built. */
export async function ensureHostBuilt() {
  const sources = SOURCES.map((s) => join(root, s)).filter(existsSync);
  const bundles = Object.values(HOST_ENTRIES).map(([, out]) => join(root, out));
  if (existsSync(STAMP) && bundles.every(existsSync)) {
    const built = statSync(STAMP).mtimeMs;
    if (sources.every((s) => newestMtime(s) <= built)) return false;
  }
  const started = Date.now();
  process.stderr.write('Bygger huvudprocessens kod …\n');
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: Object.values(HOST_ENTRIES).map(([src, out]) => ({
      in: src,
      out: out.replace(/^out\//, '').replace(/\.mjs$/, ''),
    })),
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // One bundle per command, no shared chunks: each command's code is in its own file.
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  // The stamp carries the time the build started: a source saved during the build still counts as newer.
  utimesSync(STAMP, new Date(started), new Date(started));
  process.stderr.write(`Huvudprocessens kod byggd (${((Date.now() - started) / 1000).toFixed(1)} s).\n`);
  return true;
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const [command, ...rest] = process.argv.slice(2);
  try {
    await ensureHostBuilt();
  } catch (e) {
    process.stderr.write(`Bygget av huvudprocessens kod misslyckades: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  if (command !== '--build') {
    const entry = HOST_ENTRIES[command];
    if (!entry || command.startsWith('e2e')) {
      process.stderr.write(`Okänt kommando: ${command ?? '(inget)'}. Finns: serve, demo, restore.\n`);
      process.exit(1);
    }
    // The bundle sees itself as the program, as when started directly: `node out/host/serve.mjs …`.
    const bundle = join(root, entry[1]);
    process.argv = [process.argv[0], bundle, ...rest];
    await import(pathToFileURL(bundle).href);
  }
}
