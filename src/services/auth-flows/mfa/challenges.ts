import { sha256 } from '../../../auth/secrets.js'
import { type RequestContext, type SessionRecord, reply } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { projectName, sendMessage, wording } from '../../../outbox/index.js'
import { randomDigits } from '../../../util/id.js'
import { addSeconds, formatDate } from '../../../util/time.js'
import { requireUser } from '../../account/require-user.js'
import { sessionEvent, sessionView } from '../../users/sessions.js'
import { sendCodeBySms } from '../phone-token.js'
import { CONFIRM_SECONDS } from '../tokens.js'
import { withFactor } from './enforce.js'
import { type ChallengeRecord, findTotp, recoveryCodesOf } from './records.js'
import { isCurrentTotp } from './totp.js'

const FACTORS = ['email', 'phone', 'totp', 'recoveryCode']

/** The project's `mfaFactors` policy: a disabled factor answers 501 (recovery codes always work). */
const assertFactorAllowed = (ctx: RequestContext, factor: string) => {
  const policy = ctx.settings.auth?.mfaFactors ?? {}
  const allowed = factor === 'recoveryCode' || (policy[factor as 'totp' | 'email' | 'phone'] ?? true)
  if (!allowed) {
    throw new AppwriteError('user_auth_method_unsupported', { message: 'The requested factor is disabled by the MFA factors policy' })
  }
}

/**
 * `POST /account/mfa/challenges`: a challenge for one factor, valid 1 hour. Email and phone challenges send
 * a six-digit code (to the outbox); TOTP and recovery-code challenges send nothing.
 */
export const createChallenge = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  // @note Appwrite's whitelist ignores case, and the SDK's enum sends `recoverycode`.
  const factor = FACTORS.find((f) => f.toLowerCase() === String(ctx.params.factor).toLowerCase())
  if (!factor) throw invalidParam('factor', `Value must be one of (${FACTORS.join(', ')})`)
  assertFactorAllowed(ctx, factor)
  if (factor === 'email' && !user.email) throw new AppwriteError('user_email_not_found')
  if (factor === 'email' && !user.emailVerification) throw new AppwriteError('user_email_not_verified')
  if (factor === 'phone' && !user.phone) throw new AppwriteError('user_phone_not_found')
  if (factor === 'phone' && !user.phoneVerification) throw new AppwriteError('user_phone_not_verified')
  const code = factor === 'email' || factor === 'phone' ? randomDigits(6) : ''
  const challenge: ChallengeRecord = {
    $id: ctx.newId(),
    $createdAt: formatDate(ctx.now),
    userId: user.$id,
    type: factor,
    codeHash: code ? await sha256(code) : '',
    expire: formatDate(addSeconds(ctx.now, CONFIRM_SECONDS)),
  }
  const { codeHash: _hash, type: _type, ...view } = challenge
  await ctx.store.write(async (w) => {
    await w.add('challenges', challenge)
    const data = { challengeId: challenge.$id }
    if (factor === 'email') {
      const text = wording.mfaEmail({ project: projectName(ctx), user: user.name, code })
      await sendMessage(w, ctx, { channel: 'email', kind: 'mfaEmail', to: user.email ?? '', userId: user.$id, ...text, secret: code, data })
    }
    if (factor === 'phone') await sendCodeBySms(w, ctx, 'mfaPhone', user.phone ?? '', user.$id, code, data)
    w.emit(ctx.event([`users.${user.$id}.challenges.${challenge.$id}.create`], 'mfaChallenge', view, [`user:${user.$id}`]))
  })
  return reply({ status: 201, body: view })
}

/**
 * `PUT /account/mfa/challenges`: completes a challenge with its code (the TOTP code, a recovery code, which
 * is then used up, or the emailed/texted code). The session gains the factor and `mfaUpdatedAt`.
 */
export const completeChallenge = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const otp = String(ctx.params.otp)
  const challenge = (await ctx.store.db.table('challenges').get(String(ctx.params.challengeId))) as ChallengeRecord | undefined
  if (!challenge || challenge.userId !== user.$id || challenge.expire < formatDate(ctx.now)) throw new AppwriteError('user_invalid_token')
  assertFactorAllowed(ctx, challenge.type)
  const codes = await recoveryCodesOf(ctx, user.$id)
  let ok = false
  if (challenge.type === 'totp') {
    const totp = await findTotp(ctx, user.$id)
    ok = !!totp?.verified && isCurrentTotp(totp.secret, otp, ctx.now)
  } else if (challenge.type === 'recoveryCode') {
    ok = codes.includes(otp)
  } else {
    ok = !!challenge.codeHash && (await sha256(otp)) === challenge.codeHash
  }
  if (!ok) throw new AppwriteError('user_invalid_token')
  const session = ctx.caller.session
  const next: SessionRecord | null = session ? withFactor(session, challenge.type, { mfaUpdatedAt: formatDate(ctx.now) }) : null
  await ctx.store.write(async (w) => {
    await w.delete('challenges', challenge.$id)
    if (challenge.type === 'recoveryCode') await w.put('mfaRecoveryCodes', { userId: user.$id, codes: codes.filter((c) => c !== otp) })
    if (next) {
      await w.put('sessions', next)
      w.emit(sessionEvent(ctx, next, 'create'))
    }
  })
  return next ? sessionView(next, true) : {}
}
