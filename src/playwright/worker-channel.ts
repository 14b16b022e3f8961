import type { BrowserContext, Page, Worker } from '@playwright/test'
import type { AdminApi } from '../protocol.js'

type Method = keyof AdminApi
type Result<M extends Method> = Awaited<ReturnType<AdminApi[M]>>

/**
 * Calls the offwrite service worker's admin API from the test, inside the worker itself (Playwright's
 * `Worker.evaluate`; Chromium only). No page code is involved, so it works before the app has loaded.
 * @note The browser stops idle workers; a stopped one is woken by a message from a page of the origin.
 */
export class WorkerChannel {
  #worker: Worker | null = null

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly scriptUrl: string,
  ) {}

  async call<M extends Method>(method: M, ...args: Parameters<AdminApi[M]>): Promise<Result<M>> {
    const worker = await this.worker()
    return worker.evaluate(
      ([name, list]) => {
        const admin = (self as unknown as { offwrite?: Record<string, (...a: unknown[]) => unknown> }).offwrite
        if (!admin) throw new Error('[offwrite] this service worker is not offwrite, or older than the fixture')
        return admin[name](...list)
      },
      [method, args] as [string, unknown[]],
    ) as Promise<Result<M>>
  }

  async worker(): Promise<Worker> {
    if (this.#worker) return this.#worker
    const running = this.context.serviceWorkers().find((w) => w.url() === this.scriptUrl)
    const worker = running ?? (await this.wake())
    worker.once('close', () => {
      if (this.#worker === worker) this.#worker = null
    })
    this.#worker = worker
    return worker
  }

  async wake(): Promise<Worker> {
    const started = this.context.waitForEvent('serviceworker', { predicate: (w) => w.url() === this.scriptUrl })
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      registration.active?.postMessage({ type: 'offwrite/claim' })
    })
    return started
  }
}
