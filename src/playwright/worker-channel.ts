import type { BrowserContext, Page, Worker } from '@playwright/test'
import type { AdminApi } from '../protocol.js'

type Method = keyof AdminApi
type Result<M extends Method> = Awaited<ReturnType<AdminApi[M]>>

const evaluateAdmin = (worker: Worker, method: string, args: unknown[]) =>
  worker.evaluate(
    ([name, list]) => {
      const admin = (self as unknown as { offwrite?: Record<string, (...a: unknown[]) => unknown> }).offwrite
      if (!admin) throw new Error('[offwrite] this service worker is not offwrite, or older than the fixture')
      return admin[name](...list)
    },
    [method, args] as [string, unknown[]],
  )

/**
 * Calls the offwrite service worker's admin API from the test, inside the worker itself (Playwright's
 * `Worker.evaluate`; Chromium only). No app code is involved, so it works before the app has loaded.
 * @note The browser stops idle workers, and evaluating in a stopped one never returns. So every call first
 * wakes the worker with a message from a page of the origin (a no-op for a running worker).
 */
export class WorkerChannel {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly scriptUrl: string,
  ) {}

  async call<M extends Method>(method: M, ...args: Parameters<AdminApi[M]>): Promise<Result<M>> {
    const worker = await this.worker()
    const closed = new Promise<'closed'>((resolve) => worker.once('close', () => resolve('closed')))
    const result = await Promise.race([evaluateAdmin(worker, method, args), closed])
    // The worker went away mid-call (stopped by the browser): ask the new one.
    if (result === 'closed') return evaluateAdmin(await this.worker(), method, args) as Promise<Result<M>>
    return result as Result<M>
  }

  async worker(): Promise<Worker> {
    const started = this.context.waitForEvent('serviceworker', { predicate: (w) => w.url() === this.scriptUrl })
    started.catch(() => {})
    await this.page
      .evaluate(async () => {
        // On a page outside the worker's origin or scope `ready` never settles: do not wait for it long.
        const registration = await Promise.race([
          navigator.serviceWorker?.ready,
          new Promise<undefined>((resolve) => setTimeout(resolve, 1000)),
        ])
        registration?.active?.postMessage({ type: 'offwrite/claim' })
      })
      .catch(() => {
        // The page is elsewhere (another origin, closed): the worker is probably running anyway.
      })
    const running = this.context.serviceWorkers().filter((w) => w.url() === this.scriptUrl).at(-1)
    return running ?? started
  }
}
