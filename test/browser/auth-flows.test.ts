import { URI } from 'otpauth'
import { describe, expect, test } from 'vitest'
import type { OutboxMessage } from '../../src/outbox/index.js'
import type { EmulatorPage } from '../support/emulator-page.js'
import { useHarness } from '../support/harness.js'

const harness = useHarness()

/** Reads the outbox as a user's own Playwright test would: `GET /v1/offwrite/outbox` from the page. */
const outbox = (emu: EmulatorPage, query: Record<string, string>) =>
  emu.run(async ({ client }, query) => {
    const url = `${client.config.endpoint}/offwrite/outbox?${new URLSearchParams(query)}`
    const res = await fetch(url, { headers: { 'x-appwrite-project': client.config.project } })
    return ((await res.json()) as { messages: OutboxMessage[] }).messages
  }, query)

const latest = async (emu: EmulatorPage, to: string) => {
  const [message] = await outbox(emu, { to })
  expect(message, `a message to ${to}`).toBeDefined()
  return message
}

describe('sign-in flows in Chromium', () => {
  test('signs in by magic link: the email lands in the outbox, opening its link signs the user in', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.run(({ appwrite, client }) =>
      new appwrite.Account(client).createMagicURLToken({ userId: appwrite.ID.unique(), email: 'ada@example.com', url: `${location.origin}/` }),
    )
    const mail = await latest(emu, 'ada@example.com')
    expect(mail.subject).toBe('test Login')

    // The user clicks the link; the app reads userId and secret from its URL.
    await emu.page.goto(mail.link)
    await emu.boot()
    const me = await emu.run(async ({ appwrite, client }) => {
      const params = new URLSearchParams(location.search)
      const account = new appwrite.Account(client)
      await account.createSession({ userId: params.get('userId') ?? '', secret: params.get('secret') ?? '' })
      return account.get()
    })
    expect([me.email, me.emailVerification]).toEqual(['ada@example.com', true])
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('signs in with OAuth2 on the stand-in provider page, and with the token flow', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.page.evaluate(() => {
      const { appwrite, client } = window.__sdk ?? {}
      if (!appwrite || !client) throw new Error('no SDK')
      new appwrite.Account(client).createOAuth2Session({
        provider: appwrite.OAuthProvider.Github, success: `${location.origin}/?signed-in`, failure: `${location.origin}/?failed`,
      })
    })
    await emu.page.waitForURL(/\/v1\/offwrite\/oauth2\/github\/authorize/)
    await emu.page.getByLabel('Email').fill('grace@example.com')
    await emu.page.getByLabel('Name').fill('Grace')
    await emu.page.getByRole('button', { name: 'Continue' }).click()
    await emu.page.waitForURL(/\?signed-in$/)
    await emu.boot()
    const signedIn = await emu.run(async ({ appwrite, client }) => {
      const account = new appwrite.Account(client)
      return { me: await account.get(), session: await account.getSession({ sessionId: 'current' }) }
    })
    expect([signedIn.me.email, signedIn.me.name, signedIn.session.provider]).toEqual(['grace@example.com', 'Grace', 'github'])

    // The token flow, signed out: the provider page now offers the known identity.
    await emu.run(({ appwrite, client }) => new appwrite.Account(client).deleteSession({ sessionId: 'current' }))
    await emu.page.evaluate(() => {
      const { appwrite, client } = window.__sdk ?? {}
      if (!appwrite || !client) throw new Error('no SDK')
      new appwrite.Account(client).createOAuth2Token({ provider: appwrite.OAuthProvider.Github, success: `${location.origin}/?token` })
    })
    await emu.page.waitForURL(/\/authorize/)
    await emu.page.getByRole('button', { name: 'Continue as grace@example.com' }).click()
    await emu.page.waitForURL(/[?&]secret=/)
    await emu.boot()
    const viaToken = await emu.run(async ({ appwrite, client }) => {
      const params = new URLSearchParams(location.search)
      const account = new appwrite.Account(client)
      await account.createSession({ userId: params.get('userId') ?? '', secret: params.get('secret') ?? '' })
      return account.get()
    })
    expect(viaToken.$id).toBe(signedIn.me.$id)
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('email code, phone code, verification and recovery read their secrets from the outbox', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.run(({ appwrite, client }) => new appwrite.Account(client).createEmailToken({ userId: 'bea', email: 'bea@example.com' }))
    const code = (await latest(emu, 'bea@example.com')).secret
    await emu.run(async ({ appwrite, client }, code) => {
      const account = new appwrite.Account(client)
      await account.createSession({ userId: 'bea', secret: code })
      await account.updatePassword({ password: 'first password' })
      await account.updatePhone({ phone: '+14155550199', password: 'first password' })
      await account.createPhoneVerification()
    }, code)
    const sms = await latest(emu, '+14155550199')
    expect(sms.text).toBe(`${sms.secret} is your test verification code.`)
    await emu.run(async ({ appwrite, client }, secret) => {
      const account = new appwrite.Account(client)
      await account.updatePhoneVerification({ userId: 'bea', secret })
      await account.deleteSessions()
      await account.createRecovery({ email: 'bea@example.com', url: `${location.origin}/reset` })
    }, sms.secret)
    const reset = new URL((await latest(emu, 'bea@example.com')).link)
    const me = await emu.run(async ({ appwrite, client }, params) => {
      const account = new appwrite.Account(client)
      await account.updateRecovery({ userId: params.userId, secret: params.secret, password: 'second password' })
      await account.createEmailPasswordSession({ email: 'bea@example.com', password: 'second password' })
      return account.get()
    }, Object.fromEntries(reset.searchParams) as { userId: string; secret: string })
    expect([me.phoneVerification, me.emailVerification]).toEqual([true, true])

    // A custom token made with an API key (here through the page's admin API) signs in the same way.
    const custom = await emu.run(async ({ appwrite, client, emulator }) => {
      const token = (await emulator.admin.api('test', 'POST', '/users/bea/tokens', {})) as { secret: string }
      const account = new appwrite.Account(client)
      await account.deleteSessions()
      return account.createSession({ userId: 'bea', secret: token.secret })
    })
    expect([custom.provider, custom.factors]).toEqual(['token', ['token']])
  })

  test('MFA: a sign-in that needs a second factor gets it from the emailed code', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.run(async ({ appwrite, client }) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: 'cy', email: 'cy@example.com', password: 'password123' })
      await account.createEmailPasswordSession({ email: 'cy@example.com', password: 'password123' })
      await account.createEmailVerification({ url: `${location.origin}/verify` })
    })
    const verify = new URL((await latest(emu, 'cy@example.com')).link)
    const error = await emu.run(async ({ appwrite, client }, secret) => {
      const account = new appwrite.Account(client)
      await account.updateEmailVerification({ userId: 'cy', secret })
      await account.updateMFA({ mfa: true })
      await account.deleteSession({ sessionId: 'current' })
      await account.createEmailPasswordSession({ email: 'cy@example.com', password: 'password123' })
      return account.get().then(() => null, (e: { type: string }) => e.type)
    }, verify.searchParams.get('secret') ?? '')
    expect(error).toBe('user_more_factors_required')
    const challengeId = await emu.run(async ({ appwrite, client }) =>
      (await new appwrite.Account(client).createMfaChallenge({ factor: appwrite.AuthenticationFactor.Email })).$id,
    )
    const mail = await latest(emu, 'cy@example.com')
    expect(mail.kind).toBe('mfaEmail')
    const me = await emu.run(async ({ appwrite, client }, args) => {
      const account = new appwrite.Account(client)
      await account.updateMfaChallenge({ challengeId: args.challengeId, otp: args.otp })
      return account.get()
    }, { challengeId, otp: mail.secret })
    expect(me.mfa).toBe(true)
  })

  test('MFA with a TOTP authenticator: the code an authenticator app computes from the URI is accepted', async () => {
    const emu = await harness.page()
    await emu.start()
    // A fixed worker clock, so the code computed here is the one the worker expects.
    const at = '2026-06-01T12:00:10.000Z'
    await emu.run(({ emulator }, at) => emulator.admin.setClock(at), at)
    const appCode = (uri: string) => URI.parse(uri).generate({ timestamp: Date.parse(at) })
    const { uri } = await emu.run(async ({ appwrite, client }) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: 'dan', email: 'dan@example.com', password: 'password123' })
      await account.createEmailPasswordSession({ email: 'dan@example.com', password: 'password123' })
      return account.createMfaAuthenticator({ type: appwrite.AuthenticatorType.Totp })
    })
    const signedIn = await emu.run(async ({ appwrite, client }, otp) => {
      const account = new appwrite.Account(client)
      await account.updateMfaAuthenticator({ type: appwrite.AuthenticatorType.Totp, otp })
      await account.updateMFA({ mfa: true })
      await account.deleteSession({ sessionId: 'current' })
      await account.createEmailPasswordSession({ email: 'dan@example.com', password: 'password123' })
      const refused = await account.get().then(() => null, (e: { type: string }) => e.type)
      const challenge = await account.createMfaChallenge({ factor: appwrite.AuthenticationFactor.Totp })
      const session = await account.updateMfaChallenge({ challengeId: challenge.$id, otp })
      return { refused, factors: session.factors, me: await account.get() }
    }, appCode(uri))
    expect(signedIn.refused).toBe('user_more_factors_required')
    expect([signedIn.factors, signedIn.me.mfa]).toEqual([['password', 'totp'], true])
  })
})
