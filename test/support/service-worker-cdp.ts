import type { Page } from 'playwright-core'

interface WorkerVersion {
  versionId: string
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping'
}

/**
 * Stops every service worker of the page's browser context over CDP (`ServiceWorker.stopAllWorkers`), as the
 * browser does to idle workers, and waits until they are stopped. The next request starts the worker anew
 * with empty memory, which is how tests prove that state lives in IndexedDB.
 * @note Under CDP Chromium never stops an idle worker by itself (notes §7), so this is the only way.
 */
export const stopServiceWorkers = async (page: Page, timeoutMs = 5_000): Promise<void> => {
  const cdp = await page.context().newCDPSession(page)
  const versions = new Map<string, WorkerVersion>()
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
    for (const version of updated) versions.set(version.versionId, version)
  })
  try {
    await cdp.send('ServiceWorker.enable')
    await cdp.send('ServiceWorker.stopAllWorkers')
    const deadline = Date.now() + timeoutMs
    const allStopped = () => [...versions.values()].every((v) => v.runningStatus === 'stopped')
    while (!allStopped()) {
      if (Date.now() > deadline) throw new Error('service workers did not stop in time')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  } finally {
    await cdp.detach().catch(() => {})
  }
}
