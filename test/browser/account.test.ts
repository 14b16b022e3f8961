import { describe, expect, test } from 'vitest'
import { expectModel } from '../support/expect-model.js'
import { useHarness } from '../support/harness.js'

const harness = useHarness()
const ANN = { email: 'ann@example.com', password: 'ann password', name: 'Ann' }

describe('the Account API through the official SDK and the worker', () => {
  test('sign-up → login → get → reload → still logged in → logout, every answer a valid Appwrite model', async () => {
    const emu = await harness.page()
    await emu.start()
    const first = await emu.run(async ({ appwrite, client }, ann) => {
      const account = new appwrite.Account(client)
      const created = await account.create({ userId: appwrite.ID.unique(), ...ann })
      const session = await account.createEmailPasswordSession({ email: ann.email, password: ann.password })
      return { created, session, me: await account.get(), sessions: await account.listSessions(), prefs: await account.getPrefs() }
    }, ANN)
    expectModel(first.created, 'user')
    expectModel(first.session, 'session')
    expectModel(first.me, 'user')
    expectModel(first.sessions, 'sessionList')
    expectModel(first.prefs, 'preferences')
    expect(first.session).toMatchObject({ current: true, secret: '', provider: 'email', clientName: 'Headless Chrome', osName: 'GNU/Linux' })

    await emu.reload()
    const after = await emu.run(async ({ appwrite, client }) => {
      const account = new appwrite.Account(client)
      const me = await account.get()
      const logout = await account.deleteSession({ sessionId: 'current' })
      const guest = await account.get().then(
        () => null,
        (e: { code: number; type: string }) => ({ code: e.code, type: e.type }),
      )
      return { me, logout, guest, stored: localStorage.getItem('cookieFallback') }
    })
    expect(after.me.$id).toBe(first.created.$id)
    expect(after.logout).toEqual({ message: '' })
    expect(after.guest).toEqual({ code: 401, type: 'general_unauthorized_scope' })
    expect(after.stored).toBe('[]')
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('errors arrive as AppwriteException with Appwrite’s status and type', async () => {
    const emu = await harness.page()
    await emu.start()
    const errors = await emu.run(async ({ appwrite, client }, ann) => {
      const account = new appwrite.Account(client)
      const caught = (p: Promise<unknown>) =>
        p.then(
          () => null,
          (e: { name: string; code: number; type: string }) => [e.name, e.code, e.type],
        )
      await account.create({ userId: 'ann', ...ann })
      return {
        duplicate: await caught(account.create({ userId: 'ann2', ...ann })),
        shortPassword: await caught(account.create({ userId: 'bob', email: 'bob@example.com', password: 'short' })),
        wrongPassword: await caught(account.createEmailPasswordSession({ email: ann.email, password: 'not the one' })),
        guest: await caught(account.get()),
        second: await account
          .createEmailPasswordSession({ email: ann.email, password: ann.password })
          .then(() => caught(account.createEmailPasswordSession({ email: ann.email, password: ann.password }))),
      }
    }, ANN)
    expect(errors).toEqual({
      duplicate: ['AppwriteException', 409, 'user_already_exists'],
      shortPassword: ['AppwriteException', 400, 'general_argument_invalid'],
      wrongPassword: ['AppwriteException', 401, 'user_invalid_credentials'],
      guest: ['AppwriteException', 401, 'general_unauthorized_scope'],
      second: ['AppwriteException', 401, 'user_session_already_exists'],
    })
  })

  test('a JWT made by the account authenticates another client', async () => {
    const emu = await harness.page()
    await emu.start()
    const result = await emu.run(async ({ appwrite, client }, ann) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: 'ann', ...ann })
      await account.createEmailPasswordSession({ email: ann.email, password: ann.password })
      const jwt = await account.createJWT()
      await account.deleteSession({ sessionId: 'current' })
      return { jwt, loggedOut: await account.get().catch((e: { type: string }) => e.type) }
    }, ANN)
    expectModel(result.jwt, 'jwt')
    // Deleting the session the JWT came from turns the JWT into a guest, as in Appwrite.
    expect(result.loggedOut).toBe('general_unauthorized_scope')
    const viaJwt = await emu.run(async ({ appwrite, emulator }, ann) => {
      const account = new appwrite.Account(new appwrite.Client().setEndpoint(emulator.endpoint).setProject('test'))
      await account.createEmailPasswordSession({ email: ann.email, password: ann.password })
      const { jwt } = await account.createJWT()
      localStorage.removeItem('cookieFallback')
      const other = new appwrite.Client().setEndpoint(emulator.endpoint).setProject('test').setJWT(jwt)
      return new appwrite.Account(other).get()
    }, ANN)
    expect(viaJwt.email).toBe(ANN.email)
  })

  test('an anonymous account becomes a full one and keeps its id', async () => {
    const emu = await harness.page()
    await emu.start()
    const result = await emu.run(async ({ appwrite, client }) => {
      const account = new appwrite.Account(client)
      const session = await account.createAnonymousSession()
      const anonymous = await account.get()
      const full = await account.updateEmail({ email: 'anon@example.com', password: 'anon password' })
      await account.deleteSessions()
      await account.createEmailPasswordSession({ email: 'anon@example.com', password: 'anon password' })
      return { session, anonymous, full, again: await account.get() }
    })
    expectModel(result.session, 'session')
    expectModel(result.full, 'user')
    expect(result.session.provider).toBe('anonymous')
    expect(result.anonymous.email).toBe('')
    expect(result.again.$id).toBe(result.anonymous.$id)
    expect(result.again.email).toBe('anon@example.com')
  })
})
