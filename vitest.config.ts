import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // Our code reaches the extension API through webextension-polyfill; in unit tests that is WXT's fake browser.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./tests/unit/helpers/fake-polyfill.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
