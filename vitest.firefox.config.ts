import { defineConfig } from 'vitest/config';

/** Firefox end-to-end suites (puppeteer-core + system Firefox ESR), one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
