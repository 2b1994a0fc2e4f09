import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One test command for the whole repository:
 * - unit: pure code (packages, server units);
 * - api-embedded: the HTTP API against the embedded database (always);
 * - api-postgres: the same files against a PostgreSQL server (when TEST_DATABASE_URL or
 *   DATABASE_URL is set, or CI=true, in which case a missing server is an error);
 * - browser: the built app in Chromium (see e2e/README.md).
 */
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const withPostgres = pgUrl !== '' || ci;

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// Tests run the workspace packages from their TypeScript sources, no build needed.
const resolve = {
  alias: [
    { find: /^@caunoi\/shared$/, replacement: src('./packages/shared/src/index.ts') },
    { find: /^@caunoi\/units\/reference$/, replacement: src('./packages/units/src/reference.ts') },
    { find: /^@caunoi\/units$/, replacement: src('./packages/units/src/index.ts') },
    { find: /^@caunoi\/planner$/, replacement: src('./packages/planner/src/index.ts') },
    { find: /^@caunoi\/pii\/parallel$/, replacement: src('./packages/pii/src/parallel.ts') },
    { find: /^@caunoi\/pii$/, replacement: src('./packages/pii/src/index.ts') },
  ],
};

const api = (name: string, env: Record<string, string>, extra: string[] = []) => ({
  resolve,
  test: {
    name,
    include: ['apps/server/test/api/**/*.test.ts', ...extra],
    environment: 'node',
    globalSetup: ['apps/server/test/support/global-setup.ts'],
    env,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: [
            'packages/*/test/**/*.test.ts',
            'apps/server/test/unit/**/*.test.ts',
            'apps/web/test/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      // Real processes on embedded data folders: run once, with the embedded project.
      api('api-embedded', { CAUNOI_TEST_DB: 'embedded' }, [
        'apps/server/test/process/**/*.test.ts',
      ]),
      ...(withPostgres
        ? [api('api-postgres', { CAUNOI_TEST_DB: 'postgres', CAUNOI_TEST_PG_URL: pgUrl })]
        : []),
      {
        resolve,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
