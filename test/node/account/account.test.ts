import { Account, ID } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rejection } from '../../support/node-calls.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'

let emu: NodeEmulator
beforeEach(() => {
  emu = startNodeEmulator()
})
afterEach(() => emu.close())

describe('account through the web SDK in Node', () => {
  it('signs up, signs in, reads the account and signs out', async () => {
    const account = new Account(emu.client())
    const created = await account.create({ userId: ID.unique(), email: 'Ann@Example.com', password: 'correct horse', name: 'Ann' })
    expect(created.email).toBe('ann@example.com')
    expect(created.$id).toMatch(/^[0-9a-f]{20}$/)
    const session = await account.createEmailPasswordSession({ email: 'ann@example.com', password: 'correct horse' })
    expect(session.current).toBe(true)
    expect(session.secret).toBe('')
    expect(session.provider).toBe('email')
    const me = await account.get()
    expect(me.$id).toBe(created.$id)
    expect(me.targets[0].identifier).toBe('ann@example.com')
    await account.deleteSession({ sessionId: 'current' })
    const error = await rejection(account.get())
    expect(error.code).toBe(401)
    expect(error.type).toBe('general_unauthorized_scope')
  })

  it('answers errors as Appwrite does', async () => {
    const account = new Account(emu.client())
    await account.create({ userId: 'ann', email: 'ann@example.com', password: 'correct horse' })
    let error = await rejection(account.create({ userId: 'ann2', email: 'ann@example.com', password: 'correct horse' }))
    expect([error.code, error.type]).toEqual([409, 'user_already_exists'])
    error = await rejection(account.create({ userId: 'bob', email: 'bob@example.com', password: 'short' }))
    expect([error.code, error.type]).toEqual([400, 'general_argument_invalid'])
    expect(error.message).toBe('Invalid `password` param: Password must be between 8 and 256 characters long.')
    error = await rejection(account.createEmailPasswordSession({ email: 'ann@example.com', password: 'wrong password' }))
    expect([error.code, error.type]).toEqual([401, 'user_invalid_credentials'])
    await account.createEmailPasswordSession({ email: 'ann@example.com', password: 'correct horse' })
    error = await rejection(account.createEmailPasswordSession({ email: 'ann@example.com', password: 'correct horse' }))
    expect([error.code, error.type]).toEqual([401, 'user_session_already_exists'])
  })

  it('turns an anonymous account into a full one', async () => {
    const account = new Account(emu.client())
    const session = await account.createAnonymousSession()
    expect(session.provider).toBe('anonymous')
    const anon = await account.get()
    expect(anon.email).toBe('')
    const full = await account.updateEmail({ email: 'anon@example.com', password: 'now a real one' })
    expect(full.$id).toBe(anon.$id)
    expect(full.email).toBe('anon@example.com')
    await account.deleteSessions()
    await account.createEmailPasswordSession({ email: 'anon@example.com', password: 'now a real one' })
    expect((await account.get()).$id).toBe(anon.$id)
  })

  it('updates name, prefs and password, and blocks itself', async () => {
    const account = new Account(emu.client())
    await account.create({ userId: ID.unique(), email: 'c@example.com', password: 'first password' })
    await account.createEmailPasswordSession({ email: 'c@example.com', password: 'first password' })
    expect((await account.updateName({ name: 'Cleo' })).name).toBe('Cleo')
    await account.updatePrefs({ prefs: { theme: 'dark' } })
    expect(await account.getPrefs()).toEqual({ theme: 'dark' })
    await account.updatePrefs({ prefs: { lang: 'fr' } })
    expect(await account.getPrefs()).toEqual({ lang: 'fr' })
    const error = await rejection(account.updatePassword({ password: 'second password', oldPassword: 'nope nope' }))
    expect(error.type).toBe('user_invalid_credentials')
    await account.updatePassword({ password: 'second password', oldPassword: 'first password' })
    const blocked = await account.updateStatus()
    expect(blocked.status).toBe(false)
    const refused = await rejection(account.createEmailPasswordSession({ email: 'c@example.com', password: 'second password' }))
    expect([refused.code, refused.type]).toEqual([403, 'user_blocked'])
  })

  it('issues JWTs that authenticate, and refuses bad ones', async () => {
    const account = new Account(emu.client())
    await account.create({ userId: ID.unique(), email: 'j@example.com', password: 'jwt password' })
    await account.createEmailPasswordSession({ email: 'j@example.com', password: 'jwt password' })
    const { jwt } = await account.createJWT()
    expect(jwt.split('.')).toHaveLength(3)
    emu.signOutLocally()
    const viaJwt = new Account(emu.client().setJWT(jwt))
    expect((await viaJwt.get()).email).toBe('j@example.com')
    const denied = await rejection(viaJwt.createJWT())
    expect(denied.type).toBe('user_jwt_creation_denied')
    const bad = await rejection(new Account(emu.client().setJWT(`${jwt}x`)).get())
    expect([bad.code, bad.type]).toEqual([401, 'user_jwt_invalid'])
  })

  it('lists, reads and extends sessions', async () => {
    const account = new Account(emu.client())
    await account.create({ userId: ID.unique(), email: 's@example.com', password: 'session password' })
    const first = await account.createEmailPasswordSession({ email: 's@example.com', password: 'session password' })
    const list = await account.listSessions()
    expect(list.total).toBe(1)
    expect(list.sessions[0].current).toBe(true)
    expect((await account.getSession({ sessionId: 'current' })).$id).toBe(first.$id)
    const extended = await account.updateSession({ sessionId: first.$id })
    expect(extended.current).toBe(false)
    const missing = await rejection(account.getSession({ sessionId: 'nope' }))
    expect([missing.code, missing.type]).toEqual([404, 'user_session_not_found'])
  })
})

describe('wire details', () => {
  it('answers ping, unknown projects, missing projects and unknown routes as Appwrite', async () => {
    const { Client } = await import('appwrite')
    expect(await emu.client().ping()).toEqual({ message: 'Pong!' })
    const unknownProject = await rejection(new Account(emu.client().setProject('nope')).get())
    expect([unknownProject.code, unknownProject.type]).toEqual([404, 'project_not_found'])
    const noProject = await rejection(new Account(new Client().setEndpoint(emu.client().config.endpoint)).get())
    expect([noProject.code, noProject.type]).toEqual([401, 'general_access_forbidden'])
    const res = await emu.fetch('/nothing/here')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      message: expect.stringContaining('Route not found'),
      code: 404,
      type: 'general_route_not_found',
      version: expect.any(String),
    })
  })

  it('deletes answer 204 with no body, and session cookies ride on X-Fallback-Cookies', async () => {
    await new Account(emu.client()).create({ userId: 'w', email: 'w@example.com', password: 'wire password' })
    const login = await emu.fetch('/account/sessions/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'w@example.com', password: 'wire password' }),
    })
    const cookie = login.headers.get('x-fallback-cookies') ?? ''
    expect(JSON.parse(cookie)).toEqual({ a_session_test: expect.any(String) })
    const logout = await emu.fetch('/account/sessions/current', { method: 'DELETE', headers: { 'x-fallback-cookies': cookie } })
    expect(logout.status).toBe(204)
    expect(logout.headers.get('content-type')).toBeNull()
    expect(await logout.text()).toBe('')
    expect(logout.headers.get('x-fallback-cookies')).toBe('[]')
  })

  it('rejects a missing or mistyped parameter with general_argument_invalid', async () => {
    const missing = await emu.fetch('/account', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'x', password: 'long enough' }),
    })
    expect(await missing.json()).toMatchObject({ code: 400, type: 'general_argument_invalid', message: 'Param "email" is not optional.' })
    const mistyped = await emu.fetch('/account', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'x', email: 'x@example.com', password: 'long enough', name: 42 }),
    })
    expect(await mistyped.json()).toMatchObject({ code: 400, type: 'general_argument_invalid' })
    expect(await emu.engine.store('test').then((s) => s.db.table('users').count())).toBe(0)
  })
})

describe('project auth policies on the account', () => {
  it('refuses a recently used password and signs other sessions out on a change', async () => {
    emu.close()
    emu = startNodeEmulator({ projects: [{ id: 'test', auth: { passwordHistory: 2, invalidateSessions: true } }] })
    const account = new Account(emu.client())
    await account.create({ userId: 'p', email: 'p@example.com', password: 'first password' })
    await account.createEmailPasswordSession({ email: 'p@example.com', password: 'first password' })
    const other = await emu.fetch('/users/p/sessions', { method: 'POST', headers: { 'x-appwrite-key': 'k' } })
    expect(other.status).toBe(201)
    await account.updatePassword({ password: 'second password', oldPassword: 'first password' })
    const reused = await rejection(account.updatePassword({ password: 'second password', oldPassword: 'second password' }))
    expect([reused.code, reused.type]).toEqual([400, 'password_recently_used'])
    const sessions = await account.listSessions()
    expect(sessions.sessions.map((s) => s.current)).toEqual([true])
    expect(JSON.stringify(await account.get())).not.toContain('passwordHistory')
  })
})

describe('the session cache', () => {
  it('never serves stale targets after an email change', async () => {
    const account = new Account(emu.client())
    await account.create({ userId: 'm', email: 'old@example.com', password: 'memo password' })
    await account.createEmailPasswordSession({ email: 'old@example.com', password: 'memo password' })
    expect((await account.get()).targets.map((t) => t.identifier)).toEqual(['old@example.com'])
    const updated = await account.updateEmail({ email: 'new@example.com', password: 'memo password' })
    expect(updated.targets.map((t) => t.identifier)).toEqual(['new@example.com'])
    expect((await account.get()).targets.map((t) => t.identifier)).toEqual(['new@example.com'])
  })
})
