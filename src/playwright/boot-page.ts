import type { Page } from '@playwright/test'

/** Where the fixture installs the worker: a page of the app's origin that Playwright itself answers. */
export const BOOT_PATH = '/__offwrite/boot'

const bootHtml = (workerUrl: string, scope: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>offwrite</title><link rel="icon" href="data:,"></head><body>
<script>
  // Register, then wait until the worker controls this page (clients.claim() fires controllerchange).
  window.offwriteBooted = navigator.serviceWorker
    .register(${JSON.stringify(workerUrl)}, { scope: ${JSON.stringify(scope)}, updateViaCache: 'none' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => navigator.serviceWorker.controller || new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })))
    .then(() => true)
</script></body></html>`

/**
 * Opens the boot page and waits until the offwrite worker controls it. The worker script itself is the app's
 * (`npx offwrite init <publicDir>` puts it there): Playwright answers only the boot page.
 */
export const bootWorker = async (page: Page, origin: string, workerUrl: string, scope: string): Promise<void> => {
  const url = `${origin}${BOOT_PATH}`
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: bootHtml(workerUrl, scope) }))
  await page.goto(url)
  await page.unroute(url)
  try {
    await page.evaluate(() => (window as unknown as { offwriteBooted: Promise<boolean> }).offwriteBooted)
  } catch (error) {
    throw new Error(
      `[offwrite] could not install the service worker ${origin}${workerUrl}: does the app serve it? ` +
        `(npx offwrite init <publicDir>) — ${(error as Error).message}`,
    )
  }
}
