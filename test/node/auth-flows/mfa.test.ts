import { Account, AuthenticatorType, AuthenticationFactor } from 'appwrite'
import { URI } from 'otpauth'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { latestMessage, rejection, server } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

// A fixed clock: TOTP codes must be read at the moment the emulator checks them.
let now = new Date('2026-03-01T12:00:00Z')
const account = () => new Account(emu.client())
/** What an authenticator app shows for the URI it scanned. */
const appCode = (uri: string) => URI.parse(uri).generate({ timestamp: now.getTime() })

const signIn = async () => {
  emu.signOutLocally()
  await account().createEmailPasswordSession({ email: 'ann@example.com', password: 'password123' })
}

describe('MFA through the web SDK', () => {
  it('enrols a TOTP authenticator with real RFC 6238 codes and then asks sign-ins for a second factor', async () => {
    now = new Date('2026-03-01T12:00:00Z')
    emu = startNodeEmulator({ now: () => now, projects: [{ id: 'test', name: 'Demo App' }] })
    await account().create({ userId: 'ann', email: 'ann@example.com', password: 'password123' })
    await signIn()
    const { secret, uri } = await account().createMfaAuthenticator({ type: AuthenticatorType.Totp })
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(uri).toMatch(/^otpauth:\/\/totp\/Demo%20App:ann%40example\.com\?issuer=Demo%20App&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/)
    const wrong = await rejection(account().updateMfaAuthenticator({ type: AuthenticatorType.Totp, otp: '000000' }))
    expect([wrong.code, wrong.type]).toEqual([401, 'user_invalid_token'])
    await account().updateMfaAuthenticator({ type: AuthenticatorType.Totp, otp: appCode(uri) })
    expect((await account().getSession({ sessionId: 'current' })).factors).toEqual(['password', 'totp'])
    const { recoveryCodes } = await account().createMfaRecoveryCodes()
    expect(recoveryCodes).toHaveLength(6)
    expect(recoveryCodes.every((c) => /^[0-9a-f]{10}$/.test(c))).toBe(true)
    expect((await account().updateMFA({ mfa: true })).mfa).toBe(true)
    expect(await account().listMfaFactors()).toEqual({ totp: true, phone: false, email: false, recoveryCode: true, custom: false })

    await signIn()
    const blocked = await rejection(account().get())
    expect([blocked.code, blocked.type]).toEqual([401, 'user_more_factors_required'])
    expect((await account().listMfaFactors()).totp).toBe(true)
    const challenge = await account().createMfaChallenge({ factor: AuthenticationFactor.Totp })
    expect(challenge.userId).toBe('ann')
    now = new Date(now.getTime() + 31_000)
    const session = await account().updateMfaChallenge({ challengeId: challenge.$id, otp: appCode(uri) })
    expect([session.factors, session.current, session.mfaUpdatedAt]).toEqual([['password', 'totp'], true, '2026-03-01T12:00:31.000+00:00'])
    expect((await account().get()).$id).toBe('ann')

    await signIn()
    const byCode = await account().createMfaChallenge({ factor: AuthenticationFactor.Recoverycode })
    await account().updateMfaChallenge({ challengeId: byCode.$id, otp: recoveryCodes[0] })
    expect((await account().getMfaRecoveryCodes()).recoveryCodes).toEqual(recoveryCodes.slice(1))
    const usedUp = await account().createMfaChallenge({ factor: AuthenticationFactor.Recoverycode })
    expect((await rejection(account().updateMfaChallenge({ challengeId: usedUp.$id, otp: recoveryCodes[0] }))).type).toBe('user_invalid_token')

    now = new Date(now.getTime() + 31 * 60_000)
    const stale = await rejection(account().deleteMfaAuthenticator({ type: AuthenticatorType.Totp }))
    expect([stale.code, stale.type]).toEqual([401, 'user_challenge_required'])
  })

  it('sends email and phone challenges to the outbox', async () => {
    emu = startNodeEmulator()
    await server(emu, 'POST', '/users', { userId: 'ann', email: 'ann@example.com', password: 'password123', phone: '+14155550100' })
    await server(emu, 'PATCH', '/users/ann/verification', { emailVerification: true })
    await server(emu, 'PATCH', '/users/ann/mfa', { mfa: true })
    await signIn()
    expect((await rejection(account().get())).type).toBe('user_more_factors_required')
    const unverified = await rejection(account().createMfaChallenge({ factor: AuthenticationFactor.Phone }))
    expect([unverified.code, unverified.type]).toEqual([400, 'user_phone_not_verified'])

    const challenge = await account().createMfaChallenge({ factor: AuthenticationFactor.Email })
    const mail = await latestMessage(emu, 'ann@example.com', 'mfaEmail')
    expect(mail.secret).toMatch(/^\d{6}$/)
    expect(mail.data.challengeId).toBe(challenge.$id)
    expect((await rejection(account().updateMfaChallenge({ challengeId: challenge.$id, otp: '1' }))).type).toBe('user_invalid_token')
    await account().updateMfaChallenge({ challengeId: challenge.$id, otp: mail.secret })
    expect((await account().get()).email).toBe('ann@example.com')

    await server(emu, 'PATCH', '/users/ann/verification/phone', { phoneVerification: true })
    await signIn()
    const byPhone = await account().createMfaChallenge({ factor: AuthenticationFactor.Phone })
    const sms = await latestMessage(emu, '+14155550100', 'mfaPhone')
    expect(sms.channel).toBe('sms')
    await account().updateMfaChallenge({ challengeId: byPhone.$id, otp: sms.secret })
    expect((await account().getSession({ sessionId: 'current' })).factors).toEqual(['password', 'phone'])
  })

  it('lets an API key read and reset a user\'s MFA', async () => {
    emu = startNodeEmulator()
    await server(emu, 'POST', '/users', { userId: 'bo', email: 'bo@example.com', password: 'password123' })
    expect((await server(emu, 'GET', '/users/bo/mfa/recovery-codes')).body.type).toBe('user_recovery_codes_not_found')
    const created = await server(emu, 'PATCH', '/users/bo/mfa/recovery-codes')
    expect(created.body.recoveryCodes).toHaveLength(6)
    const renewed = await server(emu, 'PUT', '/users/bo/mfa/recovery-codes')
    expect(renewed.body.recoveryCodes).not.toEqual(created.body.recoveryCodes)
    expect((await server(emu, 'GET', '/users/bo/mfa/factors')).body).toEqual({ totp: false, phone: false, email: false, recoveryCode: true, custom: false })
    expect((await server(emu, 'PATCH', '/users/bo/mfa', { mfa: true })).body.mfa).toBe(true)
    expect((await server(emu, 'DELETE', '/users/bo/mfa/authenticators/totp')).body.type).toBe('user_authenticator_not_found')
  })
})
