import { Account, ID, Teams } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { authenticate } from '../../../src/engine/authenticate.js'
import type { EngineEvent } from '../../../src/store/write-path.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { latestMessage, paramsOf, rejection, server, signUpAndIn } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const account = () => new Account(emu.client())

const magicSignIn = async (email: string) => {
  await account().createMagicURLToken({ userId: ID.unique(), email, url: 'http://app.test/' })
  const { userId, secret } = paramsOf((await latestMessage(emu, email, 'magicUrl')).link)
  return account().createSession({ userId, secret })
}

describe('project auth settings', () => {
  it('applies the session length, the session cap and the user limit to every flow', async () => {
    let now = new Date('2026-02-01T09:00:00Z')
    emu = startNodeEmulator({ now: () => now, projects: [{ id: 'test', auth: { duration: 3600, maxSessions: 2, limit: 1 } }] })
    const first = await magicSignIn('ann@example.com')
    expect(first.expire).toBe('2026-02-01T10:00:00.000+00:00')
    for (let i = 0; i < 2; i++) {
      now = new Date(now.getTime() + 1000)
      emu.signOutLocally()
      await magicSignIn('ann@example.com')
    }
    const { sessions } = await account().listSessions()
    expect(sessions.map((s) => s.$id)).not.toContain(first.$id)
    expect(sessions).toHaveLength(2)
    const full = await rejection(account().createEmailToken({ userId: ID.unique(), email: 'bob@example.com' }))
    expect([full.code, full.type]).toEqual([400, 'user_count_exceeded'])
    now = new Date('2026-02-01T10:00:03Z')
    expect((await rejection(account().get())).type).toBe('general_unauthorized_scope')
  })

  it('hides member fields the membership privacy settings turn off, except from API keys', async () => {
    emu = startNodeEmulator({ projects: [{ id: 'test', auth: { memberships: { userEmail: false, userName: false } } }] })
    await signUpAndIn(emu, 'owner@example.com', 'Olga')
    await new Teams(emu.client()).create({ teamId: 'crew', name: 'Crew' })
    const [mine] = (await new Teams(emu.client()).listMemberships({ teamId: 'crew' })).memberships
    expect([mine.userEmail, mine.userName, mine.userId.length > 0]).toEqual(['', '', true])
    const viaKey = await server(emu, 'GET', '/teams/crew/memberships')
    expect(viaKey.body.memberships[0]).toMatchObject({ userEmail: 'owner@example.com', userName: 'Olga' })
  })

  it('grants label roles, and lists and unlinks only the caller\'s own identities', async () => {
    emu = startNodeEmulator()
    await server(emu, 'POST', '/users', { userId: 'lia', email: 'lia@example.com', password: 'password123' })
    await server(emu, 'PUT', '/users/lia/labels', { labels: ['vip'] })
    const session = await server(emu, 'POST', '/users/lia/sessions')
    const request = new Request('http://x/v1/account', { headers: { 'x-appwrite-session': session.body.secret } })
    const caller = await authenticate(request, 'test', await emu.engine.store('test'), {}, new Date(), async () => new Uint8Array(32))
    expect(caller.roles).toContain('label:vip')

    const store = await emu.engine.store('test')
    const identity = (userId: string, $id: string) => ({
      $id, userId, provider: 'github', providerUid: $id, providerEmail: `${$id}@example.com`, $createdAt: '', $updatedAt: '',
    })
    await store.write(async (w) => {
      await w.add('identities', identity('lia', 'mine'))
      await w.add('identities', identity('someone', 'theirs'))
    })
    await account().createEmailPasswordSession({ email: 'lia@example.com', password: 'password123' })
    expect((await account().listIdentities()).identities.map((i) => i.$id)).toEqual(['mine'])
    const foreign = await rejection(account().deleteIdentity({ identityId: 'theirs' }))
    expect([foreign.code, foreign.type]).toEqual([404, 'user_identity_not_found'])
    await account().deleteIdentity({ identityId: 'mine' })
    expect((await account().listIdentities()).total).toBe(0)
  })
})

describe('events', () => {
  it('announces teams and memberships to the team, and verification and recovery to the user', async () => {
    const events: EngineEvent[] = []
    emu = startNodeEmulator({ onEvents: (list) => events.push(...list) })
    await signUpAndIn(emu, 'owner@example.com')
    const teams = new Teams(emu.client())
    await teams.create({ teamId: 'crew', name: 'Crew' })
    const invite = await teams.createMembership({ teamId: 'crew', roles: [], email: 'x@example.com', url: 'http://app.test/' })
    await teams.updatePrefs({ teamId: 'crew', prefs: { a: 1 } })
    await account().createEmailVerification({ url: 'http://app.test/' })
    const names = events.map((e) => e.events[0])
    expect(names).toEqual(expect.arrayContaining([
      'teams.crew.create',
      `teams.crew.memberships.${invite.$id}.create`,
      'teams.crew.update.prefs',
      expect.stringMatching(/^users\.[^.]+\.verification\.[^.]+\.create$/),
    ]))
    const created = events.find((e) => e.events[0] === 'teams.crew.create')
    expect([created?.model, created?.readRoles]).toEqual(['team', ['team:crew']])
    // No secret ever travels in an event.
    expect(JSON.stringify(events)).not.toMatch(/secretHash|"secret":"[^"]/)
  })
})
