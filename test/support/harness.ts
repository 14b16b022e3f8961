import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchBrowser, newPage } from './browser.js'
import { EmulatorPage } from './emulator-page.js'
import { type StaticServer, startStaticServer } from './static-server.js'

export interface Harness {
  readonly browser: Browser
  readonly server: StaticServer
  /** A page in a fresh browser context (closed after the test), with requests to other origins caught. */
  page(): Promise<EmulatorPage>
}

/**
 * Sets up a browser test file: one Chromium and one static server for the file, a fresh context per page.
 * Call it at the top of the file.
 * @example
 * const harness = useHarness()
 * test('…', async () => {
 *   const emu = await harness.page()
 *   await emu.start()
 *   expect(await emu.run(({ client }) => client.ping())).toBeTruthy()
 *   expect(harness.server.apiLeaks()).toEqual([])
 * })
 */
export const useHarness = (): Harness => {
  let browser: Browser | undefined
  let server: StaticServer | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchBrowser(), startStaticServer()])
  })
  beforeEach(() => {
    server?.hits.splice(0)
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useHarness(): the browser is not launched yet (use it inside tests)')
    return value
  }

  return {
    get browser() {
      return ready(browser)
    },
    get server() {
      return ready(server)
    },
    async page() {
      const origin = ready(server).origin
      const { context, page } = await newPage(ready(browser), origin)
      contexts.push(context)
      const emulatorPage = new EmulatorPage(context, page)
      // The SDK must never reach a real server: record and refuse anything offsite the worker did not answer.
      await context.route(
        (url) => url.origin !== origin,
        (route) => {
          emulatorPage.offsite.push(`${route.request().method()} ${route.request().url()}`)
          return route.fulfill({ status: 599, contentType: 'text/plain', body: 'offsite request blocked by the test harness' })
        },
      )
      return emulatorPage
    },
  }
}
