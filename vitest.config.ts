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
        },
      },
    ],
  },
});
