import type { BenchEnv } from '../env.js'
import { timeInPage } from '../measure.js'
import type { SuiteResult } from '../report.js'

/**
 * `account.get()` through the SDK and the offwrite worker, next to the same SDK call answered by a bare
 * service worker with a fixed body (the floor any worker design pays) and a raw Dexie read in the page.
 * Target: within 1.3x of the bare worker.
 */
export default async function accountSuite(env: BenchEnv): Promise<SuiteResult> {
  const offwrite = await env.page('/bench/index.html')
  await offwrite.evaluate(async () => {
    const emulator = await window.offwrite.startEmulator({ projectId: 'bench' })
    const client = new window.appwrite.Client().setEndpoint(emulator.endpoint).setProject('bench')
    const account = new window.appwrite.Account(client)
    await account.create({ userId: 'bench', email: 'bench@example.com', password: 'bench password' })
    await account.createEmailPasswordSession({ email: 'bench@example.com', password: 'bench password' })
    ;(window as unknown as { account: unknown }).account = account
  })
  const ours = await timeInPage(offwrite, 'await window.account.get()')

  const bare = await env.page('/bare/index.html')
  await bare.evaluate(async () => {
    await navigator.serviceWorker.register('/bare/sw.js', { scope: '/bare/' })
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    }
    const client = new window.appwrite.Client().setEndpoint(`${location.origin}/v1`).setProject('bench')
    ;(window as unknown as { account: unknown }).account = new window.appwrite.Account(client)
  })
  const floor = await timeInPage(bare, 'await window.account.get()')

  await offwrite.evaluate(async () => {
    const db = new window.Dexie('bench-raw')
    db.version(1).stores({ users: '$id' })
    await db.table('users').put({ $id: 'bench', name: 'Bench', email: 'bench@example.com' })
    ;(window as unknown as { raw: unknown }).raw = db
  })
  const raw = await timeInPage(offwrite, "await window.raw.table('users').get('bench')")

  const ratio = ours.p50 / floor.p50
  return {
    title: 'account.get() — SDK → worker → IndexedDB',
    rows: [
      { label: 'offwrite worker (SDK account.get)', timing: ours, figure: `${ratio.toFixed(2)}x the bare worker` },
      { label: 'bare service worker, fixed JSON (floor)', timing: floor },
      { label: 'raw Dexie get in the page', timing: raw },
    ],
    verdict: `Target: p50 within 1.3x of the bare worker — ${ratio <= 1.3 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x).`,
  }
}
