import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves chrono-node's "./*" locale export; Vite's resolver does not.
    alias: {
      'chrono-node/en': fileURLToPath(
        new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url),
      ),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'silent' },
  },
});
