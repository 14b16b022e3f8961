import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { checkText, checkUid } from '../common/validators.js'
import { saveUser } from '../users/records.js'
import { assertNoSession, prepareSession, sessionCreated, storeSession } from '../users/sessions.js'
import { readOAuthSecret } from './oauth2/token-jwt.js'
import { TokenType, findToken } from './tokens.js'

const invalid = () => new AppwriteError('user_invalid_token')

/** What each token type signs in as: the session's provider and its first factor. */
const SIGN_IN: Record<number, { provider: string; factor: string }> = {
  [TokenType.magicUrl]: { provider: 'magic-url', factor: 'email' },
  [TokenType.email]: { provider: 'token', factor: 'email' },
  [TokenType.phone]: { provider: 'phone', factor: 'phone' },
  [TokenType.generic]: { provider: 'token', factor: 'token' },
  [TokenType.oauth2]: { provider: '', factor: 'email' },
}

/** An OAuth2 token secret arrives wrapped in a 60-second JWT naming the provider (`{secret, provider}`). */
const unwrapOAuthSecret = async (ctx: RequestContext, secret: string): Promise<{ secret: string; provider: string | null }> => {
  const claims = await readOAuthSecret(await ctx.jwtSecret(), secret, ctx.now)
  if (!claims) return { secret, provider: null }
  if (typeof claims.provider !== 'string' || !claims.provider || typeof claims.secret !== 'string') throw invalid()
  return { secret: claims.secret, provider: claims.provider }
}

/**
 * `POST /account/sessions/token` (and the deprecated `PUT /account/sessions/magic-url|phone`): trades a
 * token's secret for a session. The token works once; magic URL and email codes verify the email, phone
 * codes the phone. Verification, recovery and invitation secrets are refused.
 */
export const createSessionFromToken = async (ctx: RequestContext) => {
  assertNoSession(ctx)
  const userId = checkUid('userId', ctx.params.userId)
  const { secret, provider: oauthProvider } = await unwrapOAuthSecret(ctx, checkText('secret', ctx.params.secret, 256))
  const user = (await ctx.store.db.table('users').get(userId)) as UserRecord | undefined
  if (!user) throw invalid()
  const token = await findToken(ctx, userId, secret, Object.keys(SIGN_IN).map(Number))
  if (!token || (token.type === TokenType.oauth2) !== (oauthProvider !== null)) throw invalid()

  const { provider, factor } = SIGN_IN[token.type]
  let oauth = {}
  if (oauthProvider) {
    const identity = await ctx.store.db.table('identities').where('userId').equals(userId).filter((i) => i.provider === oauthProvider).first()
    if (!identity) throw invalid()
    oauth = {
      providerUid: identity.providerUid,
      providerAccessToken: identity.providerAccessToken,
      providerRefreshToken: identity.providerRefreshToken,
      providerAccessTokenExpiry: identity.providerAccessTokenExpiry,
    }
  }
  const issued = await prepareSession(ctx, user, {
    provider: oauthProvider ?? provider,
    providerUid: '',
    factors: oauthProvider ? ['email', 'oauth2'] : [factor],
    ...oauth,
  })
  const verified =
    token.type === TokenType.phone ? { phoneVerification: true } : token.type === TokenType.generic ? {} : { emailVerification: true }
  await ctx.store.write(async (w) => {
    await w.delete('tokens', token.$id)
    await saveUser(w, ctx, user, verified)
    await storeSession(w, ctx, issued)
  })
  return sessionCreated(ctx, issued)
}
