import type { Browser, Page } from 'playwright-core'

export interface BenchEnv {
  browser: Browser
  /** `http://127.0.0.1:<port>` serving .test-build/ */
  origin: string
  /** A page at `path` in a fresh browser context (its own workers and IndexedDB). */
  page(path: string): Promise<Page>
}
