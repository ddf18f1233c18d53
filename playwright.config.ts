import { defineConfig } from '@playwright/test';

/** Chromium end-to-end suites: the built extension in system Chromium (see tests/e2e/support/chromium.ts). */
export default defineConfig({
  testDir: 'tests/e2e/chromium',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Extensions need a persistent context each; two cores: one worker keeps runs steady.
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/chromium.json' }]] : [['list'], ['json', { outputFile: 'test-results/chromium.json' }]],
  outputDir: 'test-results/playwright',
});
