import { Account, Client, ID, Realtime } from 'appwrite'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type NodeShims, type Offwrite, createOffwrite, installNodeShims, offwriteHandlers } from '../../../src/node/msw.js'

const ENDPOINT = 'http://localhost/v1'
const users = [{ $id: 'ann', email: 'ann@example.com', password: 'ann password', name: 'Ann' }]

let offwrite: Offwrite
let shims: NodeShims
let server: ReturnType<typeof setupServer>

beforeAll(async () => {
  shims = await installNodeShims()
  offwrite = await createOffwrite({ projectId: 'test', seed: { data: { users } } })
  server = setupServer(...offwriteHandlers(offwrite, ENDPOINT))
  server.listen({ onUnhandledRequest: 'error' })
})
beforeEach(async () => {
  // What a suite does between tests: an empty project, seeded again, signed out locally.
  await offwrite.admin.reset()
  await offwrite.admin.seed({ data: { users } })
  shims.localStorage.clear()
})
afterEach(() => offwrite.admin.setClock(null))
afterAll(() => {
  server.close()
  offwrite.close()
  shims.restore()
})

const client = () => new Client().setEndpoint(ENDPOINT).setProject('test')

describe('offwrite/msw with the web SDK in Node', () => {
  it('signs a seeded user in and keeps the session in localStorage', async () => {
    const session = await new Account(client()).createEmailPasswordSession({ email: 'ann@example.com', password: 'ann password' })
    expect(session.userId).toBe('ann')
    expect(JSON.parse(shims.localStorage.getItem('cookieFallback') ?? '{}')).toHaveProperty('a_session_test')
    // A second client in the same "browser" shares the session, as tabs do.
    const me = await new Account(client()).get()
    expect(me.name).toBe('Ann')
  })

  it('gives each test a fresh project', async () => {
    const account = new Account(client())
    await account.create({ userId: ID.unique(), email: 'new@example.com', password: 'new password' })
    await offwrite.admin.reset()
    await expect(account.createEmailPasswordSession({ email: 'new@example.com', password: 'new password' })).rejects.toMatchObject({
      code: 401,
      type: 'user_invalid_credentials',
    })
  })

  it('acts as a user and logs what each request did', async () => {
    const { secret } = await offwrite.admin.actAs('ann')
    offwrite.admin.clearRequests()
    const asAnn = new Account(client().setSession(secret))
    expect((await asAnn.get()).$id).toBe('ann')
    await new Account(client()).get().catch(() => {})
    const [mine, guest] = offwrite.admin.requests()
    expect(mine).toMatchObject({ method: 'GET', path: '/account', status: 200, userId: 'ann' })
    expect(guest.refusal?.type).toBe('general_unauthorized_scope')
  })

  it('fixes the clock for stable snapshots', async () => {
    offwrite.admin.setClock('2031-05-06T07:08:09.000Z')
    const user = await new Account(client()).create({ userId: 'fixed', email: 'fixed@example.com', password: 'fixed password' })
    expect(user.$createdAt).toBe('2031-05-06T07:08:09.000+00:00')
    expect(user.registration).toBe('2031-05-06T07:08:09.000+00:00')
  })
})

describe('createOffwrite options', () => {
  it('starts with a fixed clock and ID sequence, and API keys as configured', async () => {
    const fixed = await createOffwrite({ projectId: 'fixed', clock: '2029-09-09T09:09:09.000Z', idPrefix: 'n-', apiKeys: ['only-key'] })
    const create = (key: string) =>
      fixed.engine.handle(
        new Request('http://localhost/v1/users', {
          method: 'POST',
          headers: { 'x-appwrite-project': 'fixed', 'x-appwrite-key': key, 'content-type': 'application/json' },
          body: JSON.stringify({ userId: 'unique()', name: 'N' }),
        }),
      )
    const user = await (await create('only-key')).json()
    expect(user).toMatchObject({ $id: 'n-000001', $createdAt: '2029-09-09T09:09:09.000+00:00' })
    expect((await create('other-key')).status).toBe(401)
    fixed.close()
  })
})

/** Waits until `check` passes: the SDK hands realtime messages to callbacks asynchronously. */
const eventually = async (check: () => void, timeout = 2000) => {
  const start = Date.now()
  for (;;) {
    try {
      return check()
    } catch (error) {
      if (Date.now() - start > timeout) throw error
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
}

describe('offwrite/msw realtime (the ws handler)', () => {
  it('delivers an account event to new Realtime(client).subscribe', async () => {
    const { secret } = await offwrite.admin.actAs('ann')
    const client = new Client().setEndpoint(ENDPOINT).setProject('test').setSession(secret)
    const received: Array<{ events: string[]; channels: string[]; payload: { name: string } }> = []
    const subscription = await new Realtime(client).subscribe('account', (message) => void received.push(message as never))
    await offwrite.realtimeSettled()
    await new Account(client).updateName({ name: 'Ann R' })
    await eventually(() => expect(received).toHaveLength(1))
    expect(received[0].events).toContain('users.ann.update.name')
    expect(received[0].channels).toEqual(['account', 'account.ann', 'account.update', 'account.ann.update'])
    expect(received[0].payload.name).toBe('Ann R')
    await subscription.close()
  })
})
