import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests import the public names (lesson 10); in Node they mean the sources.
    alias: [
      { find: /^offwrite$/, replacement: at('./src/index.ts') },
      { find: /^offwrite\/engine$/, replacement: at('./src/engine-entry.ts') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/node/**/*.test.ts', 'src/**/*.test.ts', 'worker/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        test: {
          // Runs in Node and drives Chromium through playwright-core (test/support/harness.ts).
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
