/**
 * The end-to-end tests' own entry point for the host and the demo, run from its build (scripts/host.mjs):
 * `node out/e2e/pinned-host.mjs <serve|demo> --now ISO …`. It starts them on a clock that begins at `--now` and runs forward, so the suite sees the
 * same calendar whatever day it runs on. The production commands (`npm run serve`, `npm run demo`) have no such flag:
 * only this file, which is not part of the app, can pin their clock.
 */
import { demo } from '../../src/main/cli/demo';
import { serve } from '../../src/main/cli/serve';
import { runningClock } from '../../src/main/util/clock';

const [command, ...rest] = process.argv.slice(2);
const at = rest.indexOf('--now');
if (at < 0 || !rest[at + 1]) throw new Error('pinned-host: --now ISO saknas');
const clock = runningClock(rest[at + 1]!);
const argv = [...rest.slice(0, at), ...rest.slice(at + 2)];

const run =
  command === 'serve'
    ? serve(argv, { clock })
    : command === 'demo'
      ? demo(argv, { clock })
      : Promise.reject(new Error(`pinned-host: okänt kommando ${command}`));
run.catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
