import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRendererBuilt } from '../../src/main/cli/ensure-renderer';
import { ensureHostBuilt } from '../../scripts/host.mjs';
import { runDemo } from './fixtures';

/**
 * Builds the renderer once (if stale) so each test's server starts fast, and runs `npm run demo` once into a
 * template folder: every `demoServer` test starts from its own copy of it instead of seeding for ten seconds.
 * Returns the teardown that removes the template.
 */
export default async function globalSetup(): Promise<() => void> {
  ensureRendererBuilt();
  // The hosts run the built main-process code (out/e2e/pinned-host.mjs); built here once, before any worker starts one.
  await ensureHostBuilt();
  const template = mkdtempSync(join(tmpdir(), 'vaxla-e2e-demo-'));
  await runDemo(template);
  process.env.VAXLA_E2E_DEMO_TEMPLATE = template;
  return () => rmSync(template, { recursive: true, force: true });
}
