// The bench runner: one Chromium, one static server, each suite in fresh contexts; prints a table per suite.
import { mkdir, writeFile } from 'node:fs/promises'
import type { BrowserContext } from 'playwright-core'
import { launchBrowser, newPage } from '../test/support/browser.js'
import { HARNESS_DIR, startStaticServer } from '../test/support/static-server.js'
import type { BenchEnv } from './env.js'
import { printSuite, type SuiteResult } from './report.js'
import account from './suites/account.js'
import databases from './suites/databases.js'
import realtime from './suites/realtime.js'
import storage from './suites/storage.js'

/** Every suite, by name. Areas add theirs here. */
const suites: Record<string, (env: BenchEnv) => Promise<SuiteResult>> = {
  account,
  databases,
  realtime,
  storage,
}

const page = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="${script}"></script></body></html>`

await mkdir(`${HARNESS_DIR}/bare`, { recursive: true })
await writeFile(`${HARNESS_DIR}/bench/index.html`, page('/bench/bench-page.js'))
await writeFile(`${HARNESS_DIR}/bare/index.html`, page('/bench/bench-page.js'))
await writeFile(`${HARNESS_DIR}/bare/sw.js`, await import('node:fs/promises').then((fs) => fs.readFile(`${HARNESS_DIR}/bench/bare-sw.js`)))
await mkdir(`${HARNESS_DIR}/bare-storage`, { recursive: true })
await writeFile(`${HARNESS_DIR}/bare-storage/index.html`, page('/bench/bench-page.js'))
await writeFile(`${HARNESS_DIR}/bare-storage/sw.js`, await import('node:fs/promises').then((fs) => fs.readFile(`${HARNESS_DIR}/bench/bare-storage-sw.js`)))
await mkdir(`${HARNESS_DIR}/bare-databases`, { recursive: true })
await writeFile(`${HARNESS_DIR}/bare-databases/index.html`, page('/bench/bench-page.js'))
await writeFile(`${HARNESS_DIR}/bare-databases/sw.js`, await import('node:fs/promises').then((fs) => fs.readFile(`${HARNESS_DIR}/bench/bare-databases-sw.js`)))

const wanted = process.argv.slice(2)
const [browser, server] = await Promise.all([launchBrowser(), startStaticServer()])
const contexts: BrowserContext[] = []
const env: BenchEnv = {
  browser,
  origin: server.origin,
  async page(path) {
    const { context, page } = await newPage(browser, server.origin)
    contexts.push(context)
    await page.goto(path)
    await page.waitForFunction(() => 'appwrite' in window)
    return page
  },
}

console.log(`# offwrite bench — ${new Date().toISOString()} — ${browser.version()}`)
let failed = false
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue
  try {
    printSuite(await suite(env))
  } catch (error) {
    failed = true
    console.error(`\n## ${name}: failed\n`, error)
  } finally {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  }
}
await browser.close()
await server.close()
process.exit(failed ? 1 : 0)
