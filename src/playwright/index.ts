/**
 * @module offwrite/playwright — a `@playwright/test` fixture: each test gets its own Appwrite backend in its
 * browser context (the offwrite worker installed, the project configured, reset and seeded), and a handle to
 * sign users in, read the outbox and the request log, and look at the data.
 * @example
 * import { test, expect } from 'offwrite/playwright'
 * test.use({ offwrite: { projectId: 'demo', seed: './e2e/seed.json' } })
 * test('shows my name', async ({ page, offwrite }) => {
 *   await offwrite.signIn({ email: 'ann@example.com' })
 *   await page.goto('/')
 *   await expect(page.getByText('Ann')).toBeVisible()
 * })
 */
import { test as base } from '@playwright/test'
import { bootWorker } from './boot-page.js'
import { type OffwriteHandle, type OffwriteOptions, createHandle, readSeed } from './offwrite-handle.js'
import { WorkerChannel } from './worker-channel.js'

export { expect } from '@playwright/test'
export type { OffwriteHandle, OffwriteOptions }

const toApiKey = (key: string | { secret: string; scopes: readonly string[] | '*' }) =>
  typeof key === 'string' ? { secret: key, scopes: '*' as const } : key

export const test = base.extend<{ offwrite: OffwriteHandle; offwriteOptions: OffwriteOptions }>({
  offwriteOptions: [{ projectId: 'test' }, { option: true }],
  offwrite: async ({ page, context, baseURL, offwriteOptions: options }, use) => {
    if (!baseURL) throw new Error('[offwrite] the fixture needs `use: { baseURL }` in the Playwright config')
    const origin = new URL(baseURL).origin
    const workerUrl = options.workerUrl ?? '/offwrite-sw.js'
    const endpoint = options.endpoint ?? `${origin}/v1`
    await bootWorker(page, origin, workerUrl, options.scope ?? '/')
    const channel = new WorkerChannel(context, page, new URL(workerUrl, origin).href)
    const settings = { ...options.config, ...(options.apiKeys && { apiKeys: options.apiKeys.map(toApiKey) }) }
    await channel.call('configure', { projectId: options.projectId, endpoint, settings })
    // A context is fresh per test already; reset anyway, in case a worker outlived its context.
    await channel.call('reset', options.projectId)
    await channel.call('setClock', options.clock ?? null)
    await channel.call('setIdSequence', options.idPrefix ?? null)
    if (options.seed) await channel.call('seed', options.projectId, await readSeed(options.seed))
    await use(createHandle(channel, page, options.projectId, endpoint))
  },
})
