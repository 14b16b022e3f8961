import { Account, Query, Realtime, Teams, ID } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RealtimeEmulator, collector, eventually, startRealtimeEmulator } from './realtime-emulator.js'

let emu: RealtimeEmulator
beforeEach(() => {
  emu = startRealtimeEmulator()
})
afterEach(() => emu.close())

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/

describe('realtime through the official SDK (Node, faked socket)', () => {
  it('delivers an account update to new Realtime(client).subscribe with every name and channel', async () => {
    const { client, userId } = await emu.userClient('ann@example.com', 'Ann')
    const events = collector()
    const subscription = await new Realtime(client).subscribe('account', events.callback)
    await emu.realtime.settled()
    // The SDK logged the socket in with its session: the server answered with the account.
    expect(emu.frames.find((f) => f.type === 'response' && f.data.to === 'authentication')?.data.user.$id).toBe(userId)

    const updated = await new Account(client).updateName({ name: 'Annie' })
    await eventually(() => expect(events.received).toHaveLength(1))
    const [message] = events.received
    expect(message.events).toEqual(
      expect.arrayContaining([`users.${userId}.update.name`, `users.${userId}.update`, 'users.*.update.name', `users.${userId}`, 'users.*']),
    )
    expect(message.events).toHaveLength(6)
    expect(message.channels).toEqual(['account', `account.${userId}`, 'account.update', `account.${userId}.update`])
    expect(message.timestamp).toMatch(TIMESTAMP)
    expect(message.subscriptions).toEqual([expect.any(String)])
    // The payload is the REST answer of the call that made the change.
    expect(message.payload).toEqual(JSON.parse(JSON.stringify(updated)))
    await subscription.close()
  })

  it('delivers to the older client.subscribe too', async () => {
    const { client, userId } = await emu.userClient('bob@example.com')
    const events = collector()
    const unsubscribe = client.subscribe('account', events.callback)
    await eventually(() => expect(emu.frames.some((f) => f.type === 'response' && f.data.to === 'subscribe')).toBe(true))
    await emu.realtime.settled()
    await new Account(client).updatePrefs({ prefs: { theme: 'dark' } })
    await eventually(() => expect(events.received).toHaveLength(1))
    expect(events.received[0].payload.prefs).toEqual({ theme: 'dark' })
    expect(events.received[0].events[0]).toBe(`users.${userId}.update`)
    unsubscribe()
    // The legacy client closes its socket 50 ms after the last unsubscribe.
    await new Promise((resolve) => setTimeout(resolve, 80))
  })

  it('sends a user only their own account events (permission filtering)', async () => {
    const ann = await emu.userClient('ann@example.com')
    const bob = await emu.userClient('bob@example.com')
    const annEvents = collector()
    const guestEvents = collector()
    await new Realtime(ann.client).subscribe('account', annEvents.callback)
    await new Realtime(emu.client()).subscribe(['account', 'account.update'], guestEvents.callback)
    await emu.realtime.settled()
    await new Account(bob.client).updateName({ name: 'Bobby' })
    await new Account(ann.client).updateName({ name: 'Annie' })
    await eventually(() => expect(annEvents.received).toHaveLength(1))
    await emu.realtime.settled()
    expect(annEvents.received[0].payload.$id).toBe(ann.userId)
    expect(guestEvents.received).toEqual([])
  })

  it('filters with subscription queries', async () => {
    const { client } = await emu.userClient('ann@example.com', 'Ann')
    const matching = collector()
    const all = collector()
    const realtime = new Realtime(client)
    await realtime.subscribe('account', matching.callback, [Query.equal('name', ['Wanted'])])
    await realtime.subscribe('account', all.callback)
    await emu.realtime.settled()
    const account = new Account(client)
    await account.updateName({ name: 'Other' })
    await account.updateName({ name: 'Wanted' })
    await eventually(() => expect(all.received).toHaveLength(2))
    await emu.realtime.settled()
    expect(matching.received.map((m) => m.payload.name)).toEqual(['Wanted'])
  })

  it('stops delivering after unsubscribe', async () => {
    const { client } = await emu.userClient('ann@example.com')
    const events = collector()
    const realtime = new Realtime(client)
    const kept = collector()
    const subscription = await realtime.subscribe('account', events.callback)
    await realtime.subscribe('account', kept.callback)
    await emu.realtime.settled()
    await subscription.unsubscribe()
    await emu.realtime.settled()
    expect(emu.frames.find((f) => f.type === 'response' && f.data.to === 'unsubscribe')?.data.subscriptions[0].removed).toBe(true)
    await new Account(client).updateName({ name: 'Later' })
    await eventually(() => expect(kept.received).toHaveLength(1))
    expect(events.received).toEqual([])
  })

  it('receives a session event without an action channel', async () => {
    const { client, userId } = await emu.userClient('ann@example.com')
    const events = collector()
    await new Realtime(client).subscribe('account', events.callback)
    await emu.realtime.settled()
    const session = await new Account(client).createEmailPasswordSession({ email: 'ann@example.com', password: 'password123' }).catch(() => null)
    // A signed-in client cannot open a second session; delete the current one instead.
    if (!session) await new Account(client).deleteSession({ sessionId: 'current' })
    await eventually(() => expect(events.received).toHaveLength(1))
    expect(events.received[0].channels).toEqual(['account', `account.${userId}`])
    expect(events.received[0].events[0]).toMatch(new RegExp(`^users\\.${userId}\\.sessions\\.[0-9a-f]+\\.(create|delete)$`))
  })

  it('tells team members about their team, after refreshing the creator roles', async () => {
    const ann = await emu.userClient('ann@example.com')
    const bob = await emu.userClient('bob@example.com')
    const annEvents = collector()
    const bobEvents = collector()
    await new Realtime(ann.client).subscribe('teams', annEvents.callback)
    await new Realtime(bob.client).subscribe('teams', bobEvents.callback)
    await emu.realtime.settled()
    const team = await new Teams(ann.client).create({ teamId: ID.unique(), name: 'Crew' })
    await eventually(() => expect(annEvents.received).toHaveLength(1))
    expect(annEvents.received[0].channels).toEqual(['teams', `teams.${team.$id}`, 'teams.create', `teams.${team.$id}.create`])
    await new Teams(ann.client).updateName({ teamId: team.$id, name: 'Crew 2' })
    await eventually(() => expect(annEvents.received).toHaveLength(2))
    await emu.realtime.settled()
    expect(bobEvents.received).toEqual([])
  })
})
