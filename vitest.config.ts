import { defineConfig } from 'vitest/config';

const httpTests = (engine: 'pglite' | 'postgresql') => ({
  test: {
    name: `http-${engine}`,
    include: ['server/**/*.http.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    env: { TANDEM_TEST_ENGINE: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['server/**/*.unit.test.ts', 'web/**/*.unit.test.ts'] } },
      httpTests('pglite'),
      httpTests('postgresql'),
      {
        // The benchmark data generator on PostgreSQL, kept true to the schema (bench/generate.test.ts).
        test: { name: 'bench', include: ['bench/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
      },
      {
        // Real server processes on PostgreSQL: crashes, restarts, two processes on one database.
        test: {
          name: 'processes',
          include: ['server/**/*.process.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
