import { defineConfig } from 'vitest/config';

/**
 * Time is shown in WIB whatever the machine's zone: the time tests also run under UTC and
 * under a zone west of UTC, each in its own project with TZ set.
 */
const TIME_TESTS = [
  'shared/time.test.ts',
  'shared/domain/clocks/calendar.test.ts',
  'shared/domain/clocks/case-clocks.test.ts',
];
const OTHER_ZONES = ['UTC', 'America/Los_Angeles'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Two files at a time even on two cores (Vitest's default leaves one core idle): most
    // integration and fault tests wait on processes they started (a hub, PostgreSQL, a
    // console host), so a second file runs in the time the first spends waiting.
    maxWorkers: 2,
    setupFiles: ['tests/support/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sigap',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: ['node_modules/**', 'out/**', 'tests/e2e/**'],
          globalSetup: ['tests/support/build-inbox.ts'],
        },
      },
      ...OTHER_ZONES.map((zone) => ({
        extends: true as const,
        test: { name: `TZ=${zone}`, include: TIME_TESTS, env: { TZ: zone, SIGAP_TEST_TZ: zone } },
      })),
    ],
  },
});
