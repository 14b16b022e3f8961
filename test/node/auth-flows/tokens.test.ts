import { Account, ID } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { latestMessage, outbox, paramsOf, rejection, server } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const account = () => new Account(emu.client())

describe('passwordless sign-in through the outbox', () => {
  it('signs in by magic link, once, and verifies the email', async () => {
    emu = startNodeEmulator()
    const token = await account().createMagicURLToken({ userId: ID.unique(), email: 'ann@example.com', url: 'http://app.test/welcome?x=1' })
    expect([token.secret, token.phrase]).toEqual(['', ''])
    const mail = await latestMessage(emu, 'ann@example.com', 'magicUrl')
    expect(mail.subject).toBe('test Login')
    expect(mail.text).toContain(mail.link)
    const { userId, secret, expire, project, x } = paramsOf(mail.link)
    expect([userId, project, x, expire]).toEqual([token.userId, 'test', '1', token.expire])
    expect(secret).toMatch(/^[0-9a-f]{64}$/)

    const session = await account().createSession({ userId, secret })
    expect([session.provider, session.factors, session.current]).toEqual(['magic-url', ['email'], true])
    const me = await account().get()
    expect([me.email, me.emailVerification, me.passwordUpdate]).toEqual(['ann@example.com', true, ''])
    emu.signOutLocally()
    const reused = await rejection(account().createSession({ userId, secret }))
    expect([reused.code, reused.type]).toEqual([401, 'user_invalid_token'])
  })

  it('signs in by email code with a security phrase, reusing the existing user', async () => {
    emu = startNodeEmulator()
    const first = await account().createEmailToken({ userId: 'ann', email: 'Ann@Example.com', phrase: true })
    expect(first.phrase).toMatch(/^[A-Z][a-z]+ [a-z]+$/)
    const again = await account().createEmailToken({ userId: 'ignored', email: 'Ann@Example.com' })
    expect(again.userId).toBe('ann')
    const [latest, previous] = await outbox(emu, { to: 'ann@example.com' })
    expect(latest.secret).toMatch(/^\d{6}$/)
    expect(latest.text).toContain(latest.secret)
    expect(previous.phrase).toBe(first.phrase)
    expect(previous.text).toContain(first.phrase)

    const session = await account().createSession({ userId: 'ann', secret: latest.secret })
    expect([session.provider, session.factors]).toEqual(['token', ['email']])
    // @note The email keeps its case: these flows do not lowercase it.
    expect((await account().get()).email).toBe('Ann@Example.com')
    const busy = await rejection(account().createSession({ userId: 'ann', secret: previous.secret }))
    expect(busy.type).toBe('user_session_already_exists')
  })

  it('signs in by phone code, verifying the phone; mock numbers get a fixed code and no SMS', async () => {
    emu = startNodeEmulator({ projects: [{ id: 'test', auth: { mockNumbers: [{ phone: '+15550000000', otp: '123456' }] } }] })
    await account().createPhoneToken({ userId: 'pat', phone: '+14155550123' })
    const sms = await latestMessage(emu, '+14155550123', 'phoneOtp')
    expect([sms.channel, sms.text]).toEqual(['sms', `${sms.secret} is your test verification code.`])
    const session = await account().createSession({ userId: 'pat', secret: sms.secret })
    expect([session.provider, session.factors]).toEqual(['phone', ['phone']])
    expect((await account().get()).phoneVerification).toBe(true)

    emu.signOutLocally()
    await account().createPhoneToken({ userId: 'mo', phone: '+15550000000' })
    expect(await outbox(emu, { to: '+15550000000' })).toEqual([])
    expect((await account().createSession({ userId: 'mo', secret: '123456' })).provider).toBe('phone')
  })

  it('turns a custom token made with an API key into a session', async () => {
    emu = startNodeEmulator()
    await server(emu, 'POST', '/users', { userId: 'kim', email: 'kim@example.com' })
    const token = await server(emu, 'POST', '/users/kim/tokens', { length: 12 })
    expect(token.body.secret).toHaveLength(12)
    const session = await account().createSession({ userId: 'kim', secret: token.body.secret })
    expect([session.provider, session.factors]).toEqual(['token', ['token']])
    expect((await account().get()).emailVerification).toBe(false)
  })

  it('expires codes after 15 minutes and links after an hour', async () => {
    let now = new Date('2026-01-01T10:00:00Z')
    emu = startNodeEmulator({ now: () => now })
    await account().createEmailToken({ userId: 'ann', email: 'ann@example.com' })
    await account().createMagicURLToken({ userId: 'ann', email: 'ann@example.com', url: 'http://app.test/' })
    const [link, code] = await outbox(emu, { to: 'ann@example.com' })
    now = new Date('2026-01-01T10:16:00Z')
    expect((await rejection(account().createSession({ userId: 'ann', secret: code.secret }))).type).toBe('user_invalid_token')
    expect((await account().createSession({ userId: 'ann', secret: paramsOf(link.link).secret })).provider).toBe('magic-url')
  })

  it('expires verification and recovery links after an hour', async () => {
    let now = new Date('2026-01-01T10:00:00Z')
    emu = startNodeEmulator({ now: () => now })
    await account().create({ userId: 'eve', email: 'eve@example.com', password: 'password123' })
    await account().createEmailPasswordSession({ email: 'eve@example.com', password: 'password123' })
    await account().createEmailVerification({ url: 'http://app.test/verify' })
    await account().createRecovery({ email: 'eve@example.com', url: 'http://app.test/reset' })
    const [recovery, verification] = await outbox(emu, { to: 'eve@example.com' })
    now = new Date('2026-01-01T11:00:01Z')
    const late = await rejection(account().updateRecovery({ ...paramsOf(recovery.link), password: 'another password' } as never))
    expect(late.type).toBe('user_invalid_token')
    expect((await rejection(account().updateEmailVerification({ userId: 'eve', secret: verification.secret }))).type).toBe('user_invalid_token')
  })

  it('answers 501 for a sign-in method the project turned off', async () => {
    emu = startNodeEmulator({ projects: [{ id: 'test', auth: { methods: { magicURL: false, emailPassword: false } } }] })
    const off = await rejection(account().createMagicURLToken({ userId: ID.unique(), email: 'a@example.com' }))
    expect([off.code, off.type, off.message]).toEqual([501, 'user_auth_method_unsupported', 'Magic URL authentication is disabled for this project'])
    expect((await rejection(account().create({ userId: ID.unique(), email: 'a@example.com', password: 'password123' }))).code).toBe(501)
    expect((await server(emu, 'POST', '/users', { userId: 'k', email: 'k@example.com', password: 'password123' })).status).toBe(201)
    expect((await account().createEmailToken({ userId: ID.unique(), email: 'a@example.com' })).userId).toBeTruthy()
  })
})

describe('verification and recovery through the outbox', () => {
  it('verifies an email with the link sent to it', async () => {
    emu = startNodeEmulator()
    await account().create({ userId: 'vi', email: 'vi@example.com', password: 'password123', name: 'Vi' })
    await account().createEmailPasswordSession({ email: 'vi@example.com', password: 'password123' })
    const token = await account().createEmailVerification({ url: 'http://app.test/verify' })
    const mail = await latestMessage(emu, 'vi@example.com', 'verification')
    expect([mail.subject, mail.text.startsWith('Hey Vi,')]).toEqual(['Account Verification', true])
    const { userId, secret, expire } = paramsOf(mail.link)
    expect([userId, expire, secret.length]).toEqual(['vi', token.expire, 256])
    const wrong = await rejection(account().updateEmailVerification({ userId, secret: 'x'.repeat(256) }))
    expect([wrong.code, wrong.type]).toEqual([401, 'user_invalid_token'])
    emu.signOutLocally()
    const done = await account().updateEmailVerification({ userId, secret })
    expect([done.$id, done.secret]).toEqual([token.$id, ''])
    await account().createEmailPasswordSession({ email: 'vi@example.com', password: 'password123' })
    expect((await account().get()).emailVerification).toBe(true)
    const twice = await rejection(account().createEmailVerification({ url: 'http://app.test/verify' }))
    expect([twice.code, twice.type]).toEqual([409, 'user_email_already_verified'])
  })

  it('verifies a phone with the code sent by SMS', async () => {
    emu = startNodeEmulator()
    await account().create({ userId: 'ph', email: 'ph@example.com', password: 'password123' })
    await account().createEmailPasswordSession({ email: 'ph@example.com', password: 'password123' })
    expect((await rejection(account().createPhoneVerification())).type).toBe('user_phone_not_found')
    await account().updatePhone({ phone: '+4915112345678', password: 'password123' })
    await account().createPhoneVerification()
    const sms = await latestMessage(emu, '+4915112345678', 'phoneVerification')
    await account().updatePhoneVerification({ userId: 'ph', secret: sms.secret })
    expect((await account().get()).phoneVerification).toBe(true)
  })

  it('resets a password with the emailed link, honouring history and session invalidation', async () => {
    emu = startNodeEmulator({ projects: [{ id: 'test', auth: { passwordHistory: 2, invalidateSessions: true } }] })
    await account().create({ userId: 'rob', email: 'rob@example.com', password: 'old password' })
    await account().createEmailPasswordSession({ email: 'rob@example.com', password: 'old password' })
    emu.signOutLocally()
    const missing = await rejection(account().createRecovery({ email: 'nobody@example.com', url: 'http://app.test/reset' }))
    expect([missing.code, missing.type]).toEqual([404, 'user_not_found'])

    await account().createRecovery({ email: 'ROB@example.com', url: 'http://app.test/reset' })
    let mail = await latestMessage(emu, 'rob@example.com', 'recovery')
    expect(mail.subject).toBe('Password Reset')
    let { userId, secret } = paramsOf(mail.link)
    await account().updateRecovery({ userId, secret, password: 'new password' })
    expect((await server(emu, 'GET', '/users/rob/sessions')).body.total).toBe(0)
    expect((await rejection(account().updateRecovery({ userId, secret, password: 'newer password' }))).type).toBe('user_invalid_token')

    await account().createRecovery({ email: 'rob@example.com', url: 'http://app.test/reset' })
    mail = await latestMessage(emu, 'rob@example.com', 'recovery')
    ;({ userId, secret } = paramsOf(mail.link))
    const reused = await rejection(account().updateRecovery({ userId, secret, password: 'new password' }))
    expect([reused.code, reused.type]).toEqual([400, 'password_recently_used'])
    await account().updateRecovery({ userId, secret, password: 'third password' })

    const session = await account().createEmailPasswordSession({ email: 'rob@example.com', password: 'third password' })
    expect(session.provider).toBe('email')
    expect((await account().get()).emailVerification).toBe(true)
  })
})
