import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pipeline stages and site logic, beside the code) and `site` (the built site in a real
// Chromium, under tests/). `npm test` runs both; the site project builds the site once in its global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['scripts/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          // test.each titles name each case by its row ($rule: $text → …); cut at 40 characters they no longer say it.
          taskTitleValueFormatTruncate: 0,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          // Installs system packages if missing, builds the site once, serves it (tests/support/README.md).
          globalSetup: ['tests/support/global-setup.ts'],
          // Real pages in a real browser on 2 cores: a page with axe at four viewports takes seconds.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One file at a time in one fork: one Chromium at a time (each ~300 MB) and a stable machine load.
          pool: 'forks',
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
