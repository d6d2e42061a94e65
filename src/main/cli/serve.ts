import { resolve } from 'node:path';
import { defaultDataDir, startApp } from '../app';
import { startHttpHost } from '../rpc/http-host';
import { rendererDistDir } from '../util/paths';
import { flagString, parseArgs } from './args';
import { ensureRendererBuilt } from './ensure-renderer';
import { startMaintenance } from '../maintenance';
import type { Clock } from '../util/clock';

/**
 * `npm run serve -- --data DIR [--database postgres://…] [--port N] [--no-build]`: the HTTP host only. Prints exactly one line on stdout:
 * `Växla listening on http://127.0.0.1:N/#secret=S`. Everything else goes to stderr.
 */
export interface ServeOptions {
  openBrowser?: (url: string) => void;
  /** Only the end-to-end tests' own entry point passes a clock; the command line has no way to set one. */
  clock?: Clock;
}

export async function serve(argv: string[], opts: ServeOptions = {}): Promise<void> {
  const { flags } = parseArgs(argv);
  const dataDir = resolve(flagString(flags, 'data') ?? defaultDataDir());
  const portFlag = flagString(flags, 'port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ogiltig port: ${portFlag}`);
  // --no-build: the caller built the renderer already (the end-to-end tests build it once in their global setup)
  if (flags['no-build'] !== true) ensureRendererBuilt();
  const app = await startApp({
    dataDir,
    database: flagString(flags, 'database'),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const host = await startHttpHost(app, { port, staticDir: rendererDistDir() });
  const stopMaintenance = startMaintenance(app);
  process.stdout.write(`Växla listening on ${host.url}\n`);
  process.stderr.write(`Datamapp: ${dataDir}\nDatabas: ${app.database.description}\n`);
  opts.openBrowser?.(host.url);
  const shutdown = () => {
    stopMaintenance();
    void host
      .close()
      .then(() => app.close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

// By name, not by import.meta.url: in a bundle that includes this module (the e2e pinned-clock entry) the URL is the
// bundle's own, and this must not start a second host.
const isMain = /[\\/]serve\.(ts|mjs)$/.test(process.argv[1] ?? '');
if (isMain) {
  serve(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
