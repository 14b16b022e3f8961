import { Account, ID, Query } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RealtimeConnection, RealtimeHub, createIdentityResolver } from '../../../src/realtime/index.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'

/** A socket double: the frames the server sent, and how it was closed. */
const fakeSocket = () => {
  const sent: Array<{ type: string; data?: any }> = []
  const closes: Array<{ code: number; reason?: string }> = []
  return { sent, closes, transport: { send: (t: string) => void sent.push(JSON.parse(t)), close: (code: number, reason?: string) => void closes.push({ code, reason }) } }
}

let emu: NodeEmulator
let hub: RealtimeHub
beforeEach(() => {
  emu = startNodeEmulator()
  hub = new RealtimeHub({ resolve: createIdentityResolver(emu.engine) })
})
afterEach(() => emu.close())

const open = async (query = `project=${'test'}`) => {
  const socket = fakeSocket()
  const connection = hub.connect(socket.transport)
  await hub.open(connection, new URL(`wss://offwrite.test/v1/realtime?${query}`))
  return { ...socket, connection, send: (frame: unknown) => connection.receive(typeof frame === 'string' ? frame : JSON.stringify(frame)) }
}

/** Signs a user up and in through the SDK and returns the encoded session (the fallback cookie value). */
const signIn = async (email = 'ann@example.com') => {
  const account = new Account(emu.client())
  const user = await account.create({ userId: ID.unique(), email, password: 'password123', name: 'Ann' })
  await account.createEmailPasswordSession({ email, password: 'password123' })
  const cookies = JSON.parse((globalThis as any).window.localStorage.getItem('cookieFallback'))
  return { userId: user.$id, session: cookies[`a_session_${emu.projectId}`] as string, account }
}

describe('realtime protocol (server side, fake socket)', () => {
  it('greets a guest with connected and a null user', async () => {
    const { sent, closes } = await open()
    expect(sent).toEqual([{ type: 'connected', data: { channels: [], subscriptions: [], user: null } }])
    expect(closes).toEqual([])
  })

  it('refuses an unknown project with 1008 and closes', async () => {
    const { sent, closes } = await open('project=nope')
    expect(sent).toEqual([{ type: 'error', data: { code: 1008, message: 'Missing or unknown project ID' } }])
    expect(closes).toEqual([{ code: 1008, reason: 'Missing or unknown project ID' }])
  })

  it('answers ping with pong (no data)', async () => {
    const { sent, send } = await open()
    await send({ type: 'ping' })
    expect(sent[1]).toEqual({ type: 'pong' })
  })

  it('authenticates with the fallback session and answers with the account', async () => {
    const { userId, session } = await signIn()
    const { sent, send, connection } = await open()
    await send({ type: 'authentication', data: { session } })
    expect(sent[1].type).toBe('response')
    expect(sent[1].data).toMatchObject({ to: 'authentication', success: true, user: { $id: userId, email: 'ann@example.com' } })
    expect(sent[1].data.user.password).toBeUndefined()
    expect(connection.roles).toEqual(expect.arrayContaining([`user:${userId}`, 'users', `user:${userId}/unverified`]))
  })

  it('logging in again as someone else on the socket changes what it receives', async () => {
    const ann = await signIn('ann@example.com')
    emu.signOutLocally()
    const bob = await signIn('bob@example.com')
    const { sent, send } = await open()
    await send({ type: 'subscribe', data: [{ subscriptionId: 's', channels: ['account', 'account.update'] }] })
    const nameChange = (userId: string) => ({
      projectId: 'test',
      events: [`users.${userId}.update.name`],
      model: 'user',
      payload: { $id: userId },
      readRoles: [`user:${userId}`],
      timestamp: '2026-01-01T00:00:00.000+00:00',
    })
    const delivered = () => sent.filter((f) => f.type === 'event').map((f) => f.data.payload.$id)
    await hub.publish([nameChange(ann.userId)])
    expect(delivered()).toEqual([])
    await send({ type: 'authentication', data: { session: ann.session } })
    await hub.publish([nameChange(ann.userId), nameChange(bob.userId)])
    expect(delivered()).toEqual([ann.userId])
    await send({ type: 'authentication', data: { session: bob.session } })
    await hub.publish([nameChange(ann.userId), nameChange(bob.userId)])
    expect(delivered()).toEqual([ann.userId, bob.userId])
    // The guest's literal `account.update` followed Ann, then Bob.
    const last = sent.filter((f) => f.type === 'event').at(-1)
    expect(last?.data.subscriptions).toEqual(['s'])
    expect(last?.data.channels).toContain(`account.${bob.userId}.update`)
  })

  it('refuses a bad session with 1003 and keeps the socket open', async () => {
    const { sent, send, closes } = await open()
    await send({ type: 'authentication', data: { session: 'eyJpZCI6Im5vIiwic2VjcmV0Ijoibm8ifQ==' } })
    await send({ type: 'authentication', data: {} })
    await send({ type: 'authentication', data: { session: '' } })
    expect(sent.slice(1)).toEqual([
      { type: 'error', data: { code: 1003, message: 'Session is not valid.' } },
      { type: 'error', data: { code: 1003, message: 'Payload is not valid. Session is required' } },
      {
        type: 'error',
        data: { code: 1003, message: 'session: Value must be a valid string and at least 1 chars and no longer than 2048 chars' },
      },
    ])
    expect(closes).toEqual([])
  })

  it('acknowledges subscribe with the converted channels and queries, and unsubscribe with removed flags', async () => {
    const { userId, session } = await signIn()
    const { sent, send, connection } = await open()
    await send({ type: 'authentication', data: { session } })
    await send({
      type: 'subscribe',
      data: [
        { subscriptionId: 's1', channels: ['account', 'account.update', 'account.other'], queries: [Query.equal('name', 'Ann')] },
        { channels: ['documents'] },
      ],
    })
    const ack = sent[2]
    expect(ack.type).toBe('response')
    expect(ack.data.to).toBe('subscribe')
    expect(ack.data.subscriptions[0]).toEqual({
      subscriptionId: 's1',
      channels: ['account', `account.${userId}`, `account.${userId}.update`],
      queries: ['{"method":"equal","attribute":"name","values":["Ann"]}'],
    })
    expect(ack.data.subscriptions[1].subscriptionId).toMatch(/^[0-9a-f]{20}$/)
    expect(ack.data.subscriptions[1].queries).toEqual([])
    expect(connection.subscriptions.size).toBe(2)
    await send({ type: 'unsubscribe', data: [{ subscriptionId: 's1' }, { subscriptionId: 'ghost' }] })
    expect(sent[3]).toEqual({
      type: 'response',
      data: { to: 'unsubscribe', success: true, subscriptions: [{ subscriptionId: 's1', removed: true }, { subscriptionId: 'ghost', removed: false }] },
    })
    expect(connection.subscriptions.size).toBe(1)
  })

  it('reports malformed frames with Appwrite messages and keeps going', async () => {
    const { sent, send, closes } = await open()
    await send('not json')
    await send({ nothing: true })
    await send({ type: 'dance' })
    await send({ type: 'subscribe' })
    await send({ type: 'subscribe', data: { channels: ['x'] } })
    await send({ type: 'subscribe', data: [{ subscriptionId: '-bad', channels: ['x'] }] })
    await send({ type: 'subscribe', data: [{ queries: [] }] })
    await send({ type: 'subscribe', data: [{ channels: 'x' }] })
    await send({ type: 'subscribe', data: [{ channels: ['x'], queries: [Query.limit(1)] }] })
    await send({ type: 'unsubscribe', data: [{}] })
    expect(sent.slice(1).map((f) => f.data.message)).toEqual([
      'Message format is not valid.',
      'Message format is not valid.',
      'Message type is not valid.',
      'Payload is not valid. Items is required',
      'items: Payload is not valid.',
      'items: subscriptionId is not a valid id.',
      'items: channels is not present in payload.',
      'items: channels is not a valid array.',
      "Invalid query: Query method 'limit' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select",
      'items: Each unsubscribe payload must include a non-empty subscriptionId.',
    ])
    expect(sent.slice(1).every((f) => f.type === 'error' && f.data.code === 1003)).toBe(true)
    expect(closes).toEqual([])
  })

  it('limits a connection to 32 frames a minute (1013)', async () => {
    let now = 0
    hub = new RealtimeHub({ resolve: createIdentityResolver(emu.engine), now: () => now })
    const { sent, send } = await open()
    for (let i = 0; i < 33; i++) await send({ type: 'ping' })
    expect(sent.at(-2)).toEqual({ type: 'pong' })
    expect(sent.at(-1)).toEqual({ type: 'error', data: { code: 1013, message: 'Too many messages.' } })
    now = 60_000
    await send({ type: 'ping' })
    expect(sent.at(-1)).toEqual({ type: 'pong' })
  })

  it('takes a JWT from the URL, and refuses a bad one with 401', async () => {
    const { userId, account } = await signIn()
    const { jwt } = await account.createJWT()
    const good = await open(`project=test&jwt=${encodeURIComponent(jwt)}`)
    expect(good.sent[0].data.user.$id).toBe(userId)
    const bad = await open('project=test&jwt=nope')
    expect(bad.sent[0].type).toBe('error')
    expect(bad.sent[0].data.code).toBe(401)
    expect(bad.sent[0].data.message).toMatch(/^Failed to verify JWT/)
    expect(bad.closes[0].code).toBe(401)
  })

  it('subscribes from the URL in the legacy URL mode', async () => {
    const { sent, connection } = await open(
      `project=test&channels[]=files&channels[]=documents&documents=${encodeURIComponent(Query.equal('a', 1))}`,
    )
    expect(sent[0].data.channels).toEqual(['files', 'documents'])
    expect(sent[0].data.subscriptions).toHaveLength(1)
    expect((connection as RealtimeConnection).subscriptions.list()[0].channels).toEqual(['files', 'documents'])
  })
})
