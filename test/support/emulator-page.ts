import type * as Appwrite from 'appwrite'
import type { Emulator, StartEmulatorOptions } from 'offwrite'
import type { BrowserContext, Page } from 'playwright-core'
import { stopServiceWorkers } from './service-worker-cdp.js'

/** What SDK code run in the page receives. */
export interface PageSdk {
  /** The official SDK module (`Client`, `Account`, `ID`, `Query`, …). */
  appwrite: typeof Appwrite
  /** A client pointed at the emulator's endpoint and project. */
  client: Appwrite.Client
  emulator: Emulator
}

declare global {
  interface Window {
    __sdk?: PageSdk
  }
}

/** An error thrown in the page, rebuilt in Node with the fields the SDK's `AppwriteException` carries. */
export interface PageError extends Error {
  code?: number
  type?: string
  response?: string
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string; code?: number; type?: string; response?: string } }

/**
 * A harness page driven from Node: start the emulator in it, then run SDK code with {@link EmulatorPage.run}.
 * @example
 * const emu = await harness.page()
 * await emu.start({ projectId: 'test' })
 * const user = await emu.run(({ appwrite, client }) => new appwrite.Account(client).get())
 */
export class EmulatorPage {
  /** Requests that left for another origin than the test server's (answered 599 by the harness). */
  readonly offsite: string[] = []
  #options: StartEmulatorOptions = { projectId: 'test' }

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Loads the harness page (its bundle puts `appwrite` and `offwrite` on `window`). */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path)
    await this.page.waitForFunction(() => 'offwrite' in window && 'appwrite' in window)
  }

  /** Opens the harness page and starts the emulator (default project `test`). */
  async start(options: Partial<StartEmulatorOptions> = {}): Promise<{ endpoint: string; projectId: string; controlled: boolean }> {
    this.#options = { projectId: 'test', ...options }
    await this.open()
    return this.boot()
  }

  /** Reloads the page and starts the emulator again with the same options, as an app does on every load. */
  async reload(): Promise<void> {
    await this.page.reload()
    await this.page.waitForFunction(() => 'offwrite' in window)
    await this.boot()
  }

  /**
   * Runs `fn` in the page with the SDK. `fn` is sent as source text: it may use only its arguments (no
   * imports or variables from the test file). An error thrown in the page is rethrown here with its
   * `name`, `code` and `type`, so `rejects.toMatchObject({ type: 'user_unauthorized' })` works.
   */
  async run<T, A = undefined>(fn: (sdk: PageSdk, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const outcome = (await this.page.evaluate(
      async ({ source, arg }) => {
        const sdk = window.__sdk
        if (!sdk) throw new Error('start the emulator first: await emulatorPage.start()')
        try {
          const run = new Function(`return (${source})`)()
          return { ok: true, value: await run(sdk, arg) }
        } catch (caught) {
          const e = caught as { name?: string; message?: string; code?: number; type?: string; response?: string }
          return { ok: false, error: { name: e?.name ?? 'Error', message: String(e?.message ?? caught), code: e?.code, type: e?.type, response: e?.response } }
        }
      },
      { source: fn.toString(), arg },
    )) as Outcome<T>
    if (outcome.ok) return outcome.value
    throw Object.assign(new Error(outcome.error.message), outcome.error) as PageError
  }

  /** Stops the service worker, as the browser does when it is idle; the next request starts it anew. */
  stopWorker(): Promise<void> {
    return stopServiceWorkers(this.page)
  }

  /** Calls `startEmulator` in the open page and points a fresh SDK client at it. */
  async boot(options: Partial<StartEmulatorOptions> = this.#options): Promise<{ endpoint: string; projectId: string; controlled: boolean }> {
    this.#options = { projectId: 'test', ...options }
    return this.page.evaluate(async (options) => {
      const emulator = await window.offwrite.startEmulator(options)
      const client = new window.appwrite.Client().setEndpoint(emulator.endpoint).setProject(emulator.projectId)
      window.__sdk = { appwrite: window.appwrite, client, emulator }
      return { endpoint: emulator.endpoint, projectId: emulator.projectId, controlled: !!navigator.serviceWorker.controller }
    }, this.#options)
  }
}
