import type { RequestContext, SessionRecord } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { verifiedFactors } from './records.js'

/** Routes in Appwrite's `mfa` group: reachable with one factor, so the second can be given. */
const ONE_FACTOR_ROUTES = new Set(['accountListMfaFactors', 'accountCreateMfaChallenge', 'accountUpdateMfaChallenge', 'accountDeleteSession'])

/** How recent a challenge must be for `mfaProtected` routes (`MFA_RECENT_DURATION`). */
const RECENT_SECONDS = 1800

/**
 * Appwrite's factor check, before every route: a session of a user with MFA on and a second factor available
 * must carry two factors, else 401 `user_more_factors_required`. JWT and API-key requests have no session
 * and are not checked; nor are offwrite's own routes.
 */
export const assertEnoughFactors = async (ctx: RequestContext): Promise<void> => {
  const { session, user } = ctx.caller
  if (!session || !user?.mfa || ONE_FACTOR_ROUTES.has(ctx.route.operationId) || ctx.route.service === 'offwrite') return
  const available = await verifiedFactors(ctx, user)
  const minimum = available.totp || available.email || available.phone ? 2 : 1
  if (session.factors.length < minimum) throw new AppwriteError('user_more_factors_required')
}

/**
 * Appwrite's `mfaProtected` group (deleting the authenticator, reading or renewing recovery codes): the
 * session must have completed a challenge within 30 minutes, else 401 `user_challenge_required`.
 */
export const assertRecentChallenge = (ctx: RequestContext): SessionRecord => {
  const session = ctx.caller.session
  const updated = session?.mfaUpdatedAt ? Date.parse(String(session.mfaUpdatedAt)) : Number.NaN
  if (!session || !(ctx.now.getTime() - updated <= RECENT_SECONDS * 1000)) throw new AppwriteError('user_challenge_required')
  return session
}

/** The session with `factor` added, as a challenge or a verified authenticator adds it. */
export const withFactor = (session: SessionRecord, factor: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  ...session,
  ...extra,
  factors: [...new Set([...session.factors, factor])],
})
