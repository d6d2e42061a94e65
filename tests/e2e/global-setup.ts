import { ensureRendererBuilt } from '../../src/main/cli/ensure-renderer';

/** Builds the renderer once (if stale) so each test's server starts fast. */
export default function globalSetup(): void {
  ensureRendererBuilt();
}
