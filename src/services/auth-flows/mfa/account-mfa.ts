import type { RequestContext, UserRecord } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { projectName } from '../../../outbox/index.js'
import { formatDate } from '../../../util/time.js'
import { requireUser } from '../../account/require-user.js'
import { accountView, saveUser } from '../../users/records.js'
import { assertRecentChallenge, withFactor } from './enforce.js'
import { type AuthenticatorRecord, factorsView, findTotp, verifiedFactors } from './records.js'
import { isCurrentTotp, newTotpSecret } from './totp.js'

const mfaEvent = (ctx: RequestContext, userId: string, action: 'update' | 'delete', payload: Record<string, unknown>) =>
  ctx.event([`users.${userId}.${action}.mfa`], 'user', payload, [`user:${userId}`])

const checkType = (ctx: RequestContext) => {
  if (ctx.params.type !== 'totp') throw new AppwriteError('general_argument_invalid', { message: 'Unknown type.' })
}

/**
 * `PATCH /account/mfa`. Turning MFA on also adds the factors the user already has verified to the current
 * session, so the caller is not locked out of it.
 */
export const updateMfa = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const mfa = ctx.params.mfa as boolean
  const session = ctx.caller.session
  const available = await verifiedFactors(ctx, user)
  let saved = user
  await ctx.store.write(async (w) => {
    saved = await saveUser(w, ctx, user, { mfa })
    if (mfa && session) {
      const factors = [...new Set([...session.factors, ...Object.keys(available).filter((f) => available[f as keyof typeof available])])]
      await w.put('sessions', { ...session, factors })
    }
    w.emit(mfaEvent(ctx, user.$id, 'update', await accountView(ctx, saved)))
  })
  return accountView(ctx, saved)
}

export const listMfaFactors = (ctx: RequestContext) => factorsView(ctx, requireUser(ctx))

/** `POST /account/mfa/authenticators/totp`: a new secret and URI for an authenticator app (an unverified one is replaced). */
export const createAuthenticator = async (ctx: RequestContext) => {
  checkType(ctx)
  const user = requireUser(ctx)
  const existing = await findTotp(ctx, user.$id)
  if (existing?.verified) throw new AppwriteError('user_authenticator_already_verified')
  const { secret, uri } = newTotpSecret(projectName(ctx), user.email ?? '')
  const now = formatDate(ctx.now)
  const authenticator: AuthenticatorRecord = { $id: ctx.newId(), $createdAt: now, $updatedAt: now, userId: user.$id, type: 'totp', verified: false, secret }
  await ctx.store.write(async (w) => {
    if (existing) await w.delete('authenticators', existing.$id)
    await w.add('authenticators', authenticator)
    w.emit(mfaEvent(ctx, user.$id, 'update', { secret, uri }))
  })
  return { secret, uri }
}

/** `PUT /account/mfa/authenticators/totp`: verifies the authenticator with its current code; the session gains `totp`. */
export const verifyAuthenticator = async (ctx: RequestContext) => {
  checkType(ctx)
  const user = requireUser(ctx)
  const otp = ctx.params.otp
  if (typeof otp !== 'string') throw invalidParam('otp', 'Value must be a valid string and at least 1 chars and no longer than 256 chars')
  const authenticator = await findTotp(ctx, user.$id)
  if (!authenticator) throw new AppwriteError('user_authenticator_not_found')
  if (authenticator.verified) throw new AppwriteError('user_authenticator_already_verified')
  if (!isCurrentTotp(authenticator.secret, otp, ctx.now)) throw new AppwriteError('user_invalid_token')
  const session = ctx.caller.session
  await ctx.store.write(async (w) => {
    await w.put('authenticators', { ...authenticator, verified: true, $updatedAt: formatDate(ctx.now) })
    if (session) await w.put('sessions', withFactor(session, 'totp'))
    w.emit(mfaEvent(ctx, user.$id, 'update', await accountView(ctx, user)))
  })
  return accountView(ctx, user)
}

/** `DELETE /account/mfa/authenticators/totp`: needs a challenge completed in the last 30 minutes. */
export const deleteAuthenticator = async (ctx: RequestContext) => {
  checkType(ctx)
  const user = requireUser(ctx)
  assertRecentChallenge(ctx)
  await removeAuthenticator(ctx, user)
  return undefined
}

export const removeAuthenticator = async (ctx: RequestContext, user: UserRecord): Promise<void> => {
  const authenticator = await findTotp(ctx, user.$id)
  if (!authenticator) throw new AppwriteError('user_authenticator_not_found')
  await ctx.store.write(async (w) => {
    await w.delete('authenticators', authenticator.$id)
    w.emit(mfaEvent(ctx, user.$id, 'delete', await accountView(ctx, user)))
  })
}
