import { defineConfig } from 'vitest/config';

/**
 * Three projects: the unit tests once, and the integration suite on each engine — 'sqlite' (a temporary file per
 * test app) and 'postgres' (a database per test app, copied from a migrated template; the server is VAXLA_TEST_PG_URL
 * or a throwaway cluster, see tests/helpers/pg-global-setup.ts). `npx vitest run --project sqlite` runs one.
 */
const integration = ['tests/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'sqlite', include: integration, env: { VAXLA_TEST_ENGINE: 'sqlite' } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { VAXLA_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/helpers/pg-global-setup.ts'],
        },
      },
    ],
  },
});
