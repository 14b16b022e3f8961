import { Query } from 'appwrite'
import { describe, expect, test } from 'vitest'
import { WebSocketServer } from 'ws'
import { EmulatorPage } from '../support/emulator-page.js'
import { useHarness } from '../support/harness.js'
import { messages, settled, signUp, subscribe, unsubscribe, waitForMessages } from './realtime-helpers.js'

const harness = useHarness()

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/

/** A second tab of the same browser context (same origin, same worker and IndexedDB). */
const secondTab = async (emu: EmulatorPage) => {
  const tab = new EmulatorPage(emu.context, await emu.context.newPage())
  await tab.start()
  return tab
}

const updateName = (emu: EmulatorPage, name: string) =>
  emu.run(({ appwrite, client }, n) => new appwrite.Account(client).updateName({ name: n }), name)

describe('realtime in the page', () => {
  test('both SDK APIs receive account events with Appwrite names, channels and payload', async () => {
    const emu = await harness.page()
    await emu.start()
    const userId = await signUp(emu, 'ann@example.com', 'Ann')
    await subscribe(emu, 'service', ['account'])
    await subscribe(emu, 'legacy', ['account'], { legacy: true })
    await settled(emu)

    const updated = await updateName(emu, 'Annie')
    const [service] = await waitForMessages(emu, 'service', 1)
    const [legacy] = await waitForMessages(emu, 'legacy', 1)
    expect(service.events).toEqual(
      expect.arrayContaining([`users.${userId}.update.name`, `users.${userId}.update`, 'users.*.update.name', 'users.*']),
    )
    expect(service.channels).toEqual(['account', `account.${userId}`, 'account.update', `account.${userId}.update`])
    expect(service.timestamp).toMatch(TIMESTAMP)
    expect(service.payload).toEqual(updated)
    expect(service.payload.password).toBeUndefined()
    expect(legacy.payload).toEqual(updated)
    expect(legacy.subscriptions).toHaveLength(1)
    // Nothing reached the network: no socket, no REST call.
    expect(harness.server.apiLeaks()).toEqual([])
    expect(emu.offsite).toEqual([])
  })

  test('every other WebSocket passes through to its server', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    server.on('connection', (socket, request) => socket.on('message', (data) => socket.send(`echo ${data} ${request.url}`)))
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const emu = await harness.page()
      await emu.start()
      const port = (server.address() as { port: number }).port
      const echoed = await emu.run(
        (_sdk, url) =>
          new Promise<string>((resolve, reject) => {
            const socket = new WebSocket(url)
            socket.onopen = () => socket.send('hi')
            socket.onmessage = (event) => resolve(String(event.data))
            socket.onerror = () => reject(new Error('socket error'))
          }),
        `ws://127.0.0.1:${port}/v1/realtime-lookalike?x=1`,
      )
      expect(echoed).toBe('echo hi /v1/realtime-lookalike?x=1')
      // A socket to a server that is not there fails as it would without offwrite (it never opens).
      const failed = await emu.run(
        (_sdk, url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url)
            socket.onopen = () => resolve('opened')
            socket.onclose = (event) => resolve(`closed ${event.code}`)
          }),
        'ws://127.0.0.1:9/nothing-here',
      )
      expect(failed).toMatch(/^closed/)
    } finally {
      server.close()
    }
  })

  test('a write in one tab reaches subscribers in every tab, once each, in write order', async () => {
    const first = await harness.page()
    await first.start()
    await signUp(first, 'ann@example.com', 'Ann')
    const second = await secondTab(first)
    await subscribe(first, 'here', ['account'])
    await subscribe(second, 'there', ['account'])
    await Promise.all([settled(first), settled(second)])

    for (const name of ['One', 'Two', 'Three']) await updateName(first, name)
    await second.run(({ appwrite, client }) => new appwrite.Account(client).updateName({ name: 'Four' }))
    const here = await waitForMessages(first, 'here', 4)
    const there = await waitForMessages(second, 'there', 4)
    await Promise.all([settled(first), settled(second)])
    expect((await messages(first, 'here')).map((m) => m.payload.name)).toEqual(['One', 'Two', 'Three', 'Four'])
    expect((await messages(second, 'there')).map((m) => m.payload.name)).toEqual(['One', 'Two', 'Three', 'Four'])
    expect(here.map((m) => m.timestamp)).toEqual(there.map((m) => m.timestamp))
  })

  test('a subscriber only receives what its roles may read; logging in on the socket changes that', async () => {
    const ann = await harness.page()
    await ann.start()
    const annId = await signUp(ann, 'ann@example.com', 'Ann')
    // Bob signs in from another tab with a session of his own.
    const bob = await secondTab(ann)
    const bobId = await signUp(bob, 'bob@example.com', 'Bob', 'bob')
    await subscribe(ann, 'ann', ['account', 'teams'])
    await subscribe(bob, 'bob', ['account', 'teams'], { as: 'bob' })
    await Promise.all([settled(ann), settled(bob)])

    await bob.run(({ appwrite }) => new appwrite.Account((window as any).__rt.clients.bob).updateName({ name: 'Bobby' }))
    await updateName(ann, 'Annie')
    const team = await ann.run(({ appwrite, client }) => new appwrite.Teams(client).create({ teamId: appwrite.ID.unique(), name: 'Crew' }))
    const annSeen = await waitForMessages(ann, 'ann', 2)
    const bobSeen = await waitForMessages(bob, 'bob', 1)
    await Promise.all([settled(ann), settled(bob)])
    expect(annSeen.map((m) => m.payload.$id)).toEqual([annId, team.$id])
    expect(annSeen[1].channels).toContain(`teams.${team.$id}.create`)
    expect((await messages(bob, 'bob')).map((m) => m.payload.$id)).toEqual([bobId])
    expect(bobSeen[0].payload.name).toBe('Bobby')

    // A guest socket sees nothing of Ann's; the same page, once the socket logs in, does.
    const guest = await harness.page()
    await guest.start()
    await subscribe(guest, 'guest', ['account'])
    await settled(guest)
    await signUp(guest, 'cat@example.com', 'Cat')
    await updateName(guest, 'Catherine')
    await settled(guest)
    expect(await messages(guest, 'guest')).toEqual([])
    // A new socket sends the stored session in an `authentication` frame: now Cat's events arrive.
    await guest.run(async () => (window as any).__rt.subs.guest.close())
    await subscribe(guest, 'cat', ['account'])
    await settled(guest)
    await updateName(guest, 'Cathy')
    expect((await waitForMessages(guest, 'cat', 1))[0].payload.name).toBe('Cathy')
  })

  test('subscription queries filter events', async () => {
    const emu = await harness.page()
    await emu.start()
    await signUp(emu, 'ann@example.com', 'Ann')
    await subscribe(emu, 'wanted', ['account'], { queries: [Query.equal('name', ['Wanted'])] })
    await subscribe(emu, 'long', ['account'], { queries: [Query.greaterThan('$updatedAt', '2000-01-01')] })
    await subscribe(emu, 'all', ['account'])
    await settled(emu)
    for (const name of ['Other', 'Wanted', 'Else']) await updateName(emu, name)
    await waitForMessages(emu, 'all', 3)
    await settled(emu)
    expect((await messages(emu, 'wanted')).map((m) => m.payload.name)).toEqual(['Wanted'])
    expect(await messages(emu, 'long')).toHaveLength(3)
  })

  test('unsubscribing stops one subscription and leaves the others', async () => {
    const emu = await harness.page()
    await emu.start()
    await signUp(emu, 'ann@example.com', 'Ann')
    await subscribe(emu, 'gone', ['account'])
    await subscribe(emu, 'kept', ['account'])
    await settled(emu)
    await updateName(emu, 'Before')
    await waitForMessages(emu, 'gone', 1)
    await unsubscribe(emu, 'gone')
    await settled(emu)
    await updateName(emu, 'After')
    await waitForMessages(emu, 'kept', 2)
    await settled(emu)
    expect((await messages(emu, 'gone')).map((m) => m.payload.name)).toEqual(['Before'])
  })

  test('realtime keeps working when the worker is stopped, and the SDK reconnects after a dropped socket', async () => {
    const emu = await harness.page()
    await emu.start()
    await signUp(emu, 'ann@example.com', 'Ann')
    await subscribe(emu, 'before', ['account'])
    await settled(emu)

    await emu.stopWorker()
    await updateName(emu, 'After restart')
    expect((await waitForMessages(emu, 'before', 1))[0].payload.name).toBe('After restart')
    // A new socket after the restart: the restarted worker answers who it is.
    await emu.stopWorker()
    await subscribe(emu, 'fresh', ['account'])
    await settled(emu)
    await updateName(emu, 'Fresh')
    expect((await waitForMessages(emu, 'fresh', 1))[0].payload.name).toBe('Fresh')

    // The emulator goes away and comes back: the SDK's socket drops, it reconnects by itself (after 1 s),
    // logs in again and re-subscribes, and events flow again.
    await emu.run(async ({ emulator }) => {
      await emulator.stop()
      const again = await (window as any).offwrite.startEmulator({ projectId: emulator.projectId })
      ;(window as any).__sdk.emulator = again
    })
    await emu.page.waitForTimeout(1_300)
    await settled(emu)
    await updateName(emu, 'Reconnected')
    const after = await waitForMessages(emu, 'before', 3)
    expect(after.map((m) => m.payload.name)).toEqual(['After restart', 'Fresh', 'Reconnected'])
  })
})
