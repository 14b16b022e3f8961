import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/** OFFWRITE_CHROMIUM, else Debian's Chromium, else Playwright's own browser. */
const chromium = process.env.OFFWRITE_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const port = Number(process.env.OFFWRITE_SAMPLE_PORT ?? 5317)

// The sample suite of the offwrite/playwright fixture (test/playwright). Needs a build: `npm run build`.
export default defineConfig({
  testDir: 'test/playwright',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node test/playwright/app/serve.mjs',
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    stdout: 'ignore',
  },
})
