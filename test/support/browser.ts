import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'

/** Flags that keep Chromium quiet and offline apart from what a test asks for (see the platform notes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** `OFFWRITE_CHROMIUM`, else Debian's `/usr/bin/chromium`, else Playwright's own browser (undefined). */
export const chromiumPath = (): string | undefined => {
  if (process.env.OFFWRITE_CHROMIUM) return process.env.OFFWRITE_CHROMIUM
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })

/**
 * A page in a fresh context: its own service workers, IndexedDB and localStorage, so tests cannot see each
 * other. With `OFFWRITE_DEBUG=1` the page's console is printed.
 */
export const newPage = async (browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  if (process.env.OFFWRITE_DEBUG) {
    page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`))
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`))
  }
  return { context, page }
}
