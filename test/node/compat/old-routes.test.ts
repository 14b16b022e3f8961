import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serverCall } from '../../support/node-calls.js'
import { ENDPOINT, type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { latestMessage, paramsOf } from '../auth-flows/support.js'
import { SDKS } from './old-sdks.js'
import { expectSdkModel } from './sdk-versions.js'

let emu: NodeEmulator
beforeEach(() => {
  emu = startNodeEmulator()
})
afterEach(() => emu.close())

const clientOf = <T extends keyof typeof SDKS>(major: T) => {
  const { Client, Account } = SDKS[major] as typeof SDKS[11]
  const client = new Client().setEndpoint(ENDPOINT).setProject(emu.projectId)
  return { client, account: new Account(client) }
}

describe('the routes older SDKs call, answered as Appwrite’s aliases', () => {
  it('SDK 11: magic URL session through POST /account/sessions/magic-url', async () => {
    const { account } = clientOf(11)
    const token = await account.createMagicURLSession('ann', 'ann@example.com', 'http://localhost/verify')
    expect(token.userId).toBe('ann')
    expectSdkModel(11, token, 'token')
    const { userId, secret } = paramsOf((await latestMessage(emu, 'ann@example.com', 'magicUrl')).link)
    const session = await account.updateMagicURLSession(userId, secret)
    expect(session).toMatchObject({ userId: 'ann', provider: 'magic-url' })
    expect((await account.get()).email).toBe('ann@example.com')
  })

  it('SDK 13: phone session through POST /account/sessions/phone, then PUT', async () => {
    const { account } = clientOf(13)
    await account.createPhoneSession('bob', '+14155550100')
    const sms = await latestMessage(emu, '+14155550100', 'phoneOtp')
    const session = await account.updatePhoneSession('bob', sms.secret)
    expect(session).toMatchObject({ userId: 'bob', provider: 'phone' })
    expectSdkModel(13, session, 'session')
  })

  it('SDK 11: email verification through /account/verification, recovery with passwordAgain', async () => {
    const { account } = clientOf(11)
    await account.create('cy', 'cy@example.com', 'password123')
    await account.createEmailSession('cy@example.com', 'password123')
    await account.createVerification('http://localhost/verified')
    const mail = await latestMessage(emu, 'cy@example.com', 'verification')
    expect(await account.updateVerification('cy', mail.secret)).toMatchObject({ userId: 'cy' })
    expect((await account.get()).emailVerification).toBe(true)

    await account.createRecovery('cy@example.com', 'http://localhost/recover')
    const recovery = await latestMessage(emu, 'cy@example.com', 'recovery')
    await account.updateRecovery('cy', recovery.secret, 'new password 1', 'new password 1')
    await account.deleteSessions()
    expect((await account.createEmailSession('cy@example.com', 'new password 1')).userId).toBe('cy')
  })

  it('SDK 17: MFA challenge through /account/mfa/challenge', async () => {
    await serverCall(emu, 'POST', '/users', { userId: 'di', email: 'di@example.com', password: 'password123' })
    await serverCall(emu, 'PATCH', '/users/di/verification', { emailVerification: true })
    await serverCall(emu, 'PATCH', '/users/di/mfa', { mfa: true })
    const { Client, Account } = SDKS[17]
    const account = new Account(new Client().setEndpoint(ENDPOINT).setProject(emu.projectId))
    await account.createEmailPasswordSession('di@example.com', 'password123')
    const challenge = await account.createMfaChallenge(SDKS[17].AuthenticationFactor.Email)
    const mail = await latestMessage(emu, 'di@example.com', 'mfaEmail')
    await account.updateMfaChallenge(challenge.$id, mail.secret)
    expect((await account.getSession('current')).factors).toEqual(['password', 'email'])
  })

  it('POST /account/sessions is the email session, as in Appwrite', async () => {
    await serverCall(emu, 'POST', '/users', { userId: 'ed', email: 'ed@example.com', password: 'password123' })
    const res = await emu.fetch('/account/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-appwrite-response-format': '1.0.0' },
      body: JSON.stringify({ email: 'ed@example.com', password: 'password123' }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ userId: 'ed', provider: 'email' })
  })
})
