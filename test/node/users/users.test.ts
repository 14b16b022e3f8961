import { createHash } from 'node:crypto'
import { Account } from 'appwrite'
import { bcrypt } from 'hash-wasm'
import { afterEach, describe, expect, it } from 'vitest'
import { serverCall } from '../../support/node-calls.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'

let emu: NodeEmulator
afterEach(() => emu.close())

/** A server call with an API key, as node-appwrite would make it. */
const server = (method: string, path: string, body?: unknown, key = 'any-key') => serverCall(emu, method, path, body, key)

describe('Users API (API key)', () => {
  it('creates, reads, updates and deletes users; keys see password hashes', async () => {
    emu = startNodeEmulator()
    const created = await server('POST', '/users', { userId: 'u1', email: 'U1@example.com', password: 'password one', name: 'One' })
    expect(created.status).toBe(201)
    expect(created.body.email).toBe('u1@example.com')
    expect(created.body.hash).toBe('argon2')
    expect(created.body.password).toMatch(/^\$argon2id\$/)
    expect((await server('POST', '/users', { userId: 'u1', email: 'x@example.com' })).body.type).toBe('user_already_exists')
    expect((await server('PATCH', '/users/u1/name', { name: 'Uno' })).body.name).toBe('Uno')
    expect((await server('PUT', '/users/u1/labels', { labels: ['admin', 'beta'] })).body.labels).toEqual(['admin', 'beta'])
    expect((await server('PUT', '/users/u1/labels', { labels: ['no-dash'] })).status).toBe(400)
    expect((await server('PATCH', '/users/u1/verification', { emailVerification: true })).body.emailVerification).toBe(true)
    expect((await server('PATCH', '/users/u1/prefs', { prefs: { a: 1 } })).body).toEqual({ a: 1 })
    expect((await server('GET', '/users/u1/prefs')).body).toEqual({ a: 1 })
    expect((await server('PATCH', '/users/u1/status', { status: false })).body.status).toBe(false)
    expect((await server('DELETE', '/users/u1')).status).toBe(204)
    const missing = await server('GET', '/users/u1')
    expect([missing.status, missing.body.type]).toEqual([404, 'user_not_found'])
  })

  it('imports pre-hashed passwords that then sign in', async () => {
    emu = startNodeEmulator()
    // Hashes as other systems export them: MD5 hex, and bcrypt in PHP's `$2y$` form.
    const md5 = createHash('md5').update('secret password').digest('hex')
    const salt = new Uint8Array(16).fill(7)
    const bcryptHash = (await bcrypt({ password: 'other password', salt, costFactor: 4, outputType: 'encoded' })).replace('$2b$', '$2y$')
    expect((await server('POST', '/users/md5', { userId: 'm', email: 'm@example.com', password: md5 })).status).toBe(201)
    expect((await server('POST', '/users/bcrypt', { userId: 'b', email: 'b@example.com', password: bcryptHash })).body.hash).toBe('bcrypt')
    const account = new Account(emu.client())
    const session = await account.createEmailPasswordSession({ email: 'm@example.com', password: 'secret password' })
    expect(session.userId).toBe('m')
    emu.signOutLocally()
    expect((await account.createEmailPasswordSession({ email: 'b@example.com', password: 'other password' })).userId).toBe('b')
    emu.signOutLocally()
    const wrong = await account.createEmailPasswordSession({ email: 'b@example.com', password: 'not it at all' }).catch((e) => e)
    expect(wrong.type).toBe('user_invalid_credentials')
  })

  it('makes sessions, tokens and JWTs for a user', async () => {
    emu = startNodeEmulator()
    await server('POST', '/users', { userId: 'u2', email: 'u2@example.com' })
    const session = await server('POST', '/users/u2/sessions')
    expect(session.status).toBe(201)
    expect(session.body.secret).not.toBe('')
    const viaSecret = new Account(emu.client().setSession(session.body.secret))
    expect((await viaSecret.get()).$id).toBe('u2')
    expect((await server('GET', '/users/u2/sessions')).body.total).toBe(1)
    const token = await server('POST', '/users/u2/tokens', { length: 8 })
    expect(token.body.secret).toHaveLength(8)
    const tokenSession = await new Account(emu.client()).createSession({ userId: 'u2', secret: token.body.secret }).catch((e) => e)
    // Token → session is the auth-flows service's; until it exists the route answers 405 not implemented.
    expect([201, 405]).toContain(tokenSession.code ?? 201)
    // The token session is now in the SDK's storage; a JWT beside it would be `user_jwt_and_cookie_set`.
    emu.signOutLocally()
    const jwt = await server('POST', '/users/u2/jwts', {})
    expect(jwt.status).toBe(201)
    expect((await new Account(emu.client().setJWT(jwt.body.jwt)).get()).$id).toBe('u2')
    expect((await server('DELETE', '/users/u2/sessions')).status).toBe(204)
    expect((await server('GET', '/users/u2/sessions')).body.total).toBe(0)
  })

  it('refuses clients, unknown keys and keys without the scope', async () => {
    emu = startNodeEmulator({ projects: [{ id: 'test', apiKeys: [{ secret: 'reader', scopes: ['users.read'] }] }] })
    const guest = await emu.fetch('/users')
    expect([guest.status, (await guest.json()).type]).toEqual([401, 'general_unauthorized_scope'])
    const wrong = await server('GET', '/users/x', undefined, 'not-a-key')
    expect([wrong.status, wrong.body.type]).toEqual([401, 'user_unauthorized'])
    const scoped = await server('POST', '/users', { userId: 'x' }, 'reader')
    expect([scoped.status, scoped.body.type]).toEqual([401, 'general_unauthorized_scope'])
    expect(scoped.body.message).toBe('User (role: applications) missing scopes (["users.write"])')
    expect((await server('GET', '/users/x', undefined, 'reader')).body.type).toBe('user_not_found')
  })
})

describe('listing users', () => {
  it('filters, orders, searches and pages with Appwrite queries', async () => {
    emu = startNodeEmulator()
    for (const [id, name] of [['a1', 'Ada'], ['b2', 'Bob'], ['c3', 'Cy'], ['d4', 'Dee']]) {
      await server('POST', '/users', { userId: id, email: `${id}@example.com`, name })
    }
    await server('PUT', '/users/c3/labels', { labels: ['vip'] })
    const query = (...q: string[]) => q.map((v, i) => `queries[${i}]=${encodeURIComponent(v)}`).join('&')
    const desc = await server('GET', `/users?${query('{"method":"orderDesc","attribute":"name"}', '{"method":"limit","values":[2]}')}`)
    expect(desc.body.total).toBe(4)
    expect(desc.body.users.map((u: { $id: string }) => u.$id)).toEqual(['d4', 'c3'])
    const vip = await server('GET', `/users?${query('{"method":"contains","attribute":"labels","values":["vip"]}')}`)
    expect(vip.body.users.map((u: { $id: string }) => u.$id)).toEqual(['c3'])
    const searched = await server('GET', '/users?search=bob')
    expect(searched.body.users.map((u: { $id: string }) => u.$id)).toEqual(['b2'])
    const after = await server('GET', `/users?${query('{"method":"cursorAfter","values":["b2"]}')}`)
    expect(after.body.users.map((u: { $id: string }) => u.$id)).toEqual(['c3', 'd4'])
    const bad = await server('GET', `/users?${query('{"method":"equal","attribute":"password","values":["x"]}')}`)
    expect([bad.status, bad.body.type]).toEqual([400, 'general_query_invalid'])
  })
})
