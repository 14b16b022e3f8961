import type { RequestContext, UserRecord } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { linkWith } from '../../../outbox/index.js'
import type { Writer } from '../../../store/write-path.js'
import { randomHex } from '../../../util/id.js'
import { addSeconds, formatDate } from '../../../util/time.js'
import { insertUser, retarget, saveUser } from '../../users/records.js'
import { fallbackCookie, prepareSession, storeSession } from '../../users/sessions.js'
import { TokenType, newToken, tokenView } from '../tokens.js'
import { escapeHtml, htmlPage } from './html.js'
import { checkProvider } from './providers.js'
import { type ProviderProfile, type ResolvedUser, resolveOAuthUser } from './resolve-user.js'
import { redirectTo } from './start.js'
import { type OAuthState, decodeState } from './state.js'
import { signOAuthSecret } from './token-jwt.js'

const DEFAULT_SESSION_SECONDS = 31_536_000

/** The provider's answer, as the authorize page submitted it. */
const profileOf = (ctx: RequestContext, provider: string): ProviderProfile => {
  const email = String(ctx.params.email ?? '').trim()
  return {
    provider,
    email,
    uid: String(ctx.params.id ?? '').trim() || email.toLowerCase(),
    name: String(ctx.params.name ?? '').trim(),
    verified: ctx.params.verified === 'true' || ctx.params.verified === 'on',
  }
}

/** Every failure after the start goes back to the app's failure URL with `error` = `{message, type, code}`. */
const failTo = (state: OAuthState, error: AppwriteError) =>
  redirectTo(linkWith(state.failure, { error: JSON.stringify({ message: error.message, type: error.type, code: error.code }) }))

/** Creates or refreshes the identity, with made-up provider tokens (the emulator has no real provider). */
const saveIdentity = async (w: Writer, ctx: RequestContext, profile: ProviderProfile, userId: string, identityId: string | null) => {
  const now = formatDate(ctx.now)
  const tokens = {
    providerAccessToken: randomHex(40),
    providerRefreshToken: randomHex(40),
    providerAccessTokenExpiry: formatDate(addSeconds(ctx.now, 3600)),
  }
  const existing = identityId ? await w.table('identities').get(identityId) : undefined
  if (existing) {
    await w.put('identities', { ...existing, ...tokens, $updatedAt: now })
    return tokens
  }
  const clash = (await w.table('identities').where('providerEmail').equals(profile.email).toArray()).some((i) => i.userId !== userId)
  if (clash) throw new AppwriteError('general_bad_request')
  await w.add('identities', {
    $id: ctx.newId(), $createdAt: now, $updatedAt: now, userId, provider: profile.provider, providerUid: profile.uid,
    providerEmail: profile.email, ...tokens,
  })
  return tokens
}

/** A user without an email (anonymous) takes the provider's; a user without a name takes its name. */
const completeUser = async (w: Writer, ctx: RequestContext, resolved: ResolvedUser, profile: ProviderProfile): Promise<UserRecord> => {
  if (resolved.isNew) return insertUser(w, ctx, resolved.user)
  const { user } = resolved
  const changes: Partial<UserRecord> = {}
  if (!user.email && profile.email) {
    if (await w.table('users').where('email').equals(profile.email).count()) throw new AppwriteError('user_already_exists')
    await retarget(w, ctx, user.$id, 'email', profile.email)
    Object.assign(changes, { email: profile.email, emailVerification: user.emailVerification || profile.verified })
  }
  if (!user.name && profile.name) changes.name = profile.name
  return Object.keys(changes).length ? saveUser(w, ctx, user, changes) : user
}

/**
 * Hands the new session to the SDK, which cannot read a navigation's headers: a same-origin page stores it
 * where the SDK keeps its fallback cookie, then continues to the success URL.
 */
const handOver = (ctx: RequestContext, token: string, success: string) => {
  const cookie = fallbackCookie(ctx.projectId, token)
  const script = `localStorage.setItem('cookieFallback', ${JSON.stringify(cookie).replace(/</g, '\\u003c')});location.replace(${JSON.stringify(success).replace(/</g, '\\u003c')})`
  const body = `<p>Signing you in…</p><p><a href="${escapeHtml(success)}">Continue</a></p><script>${script}</script>`
  return htmlPage('Signing in', body, { 'X-Fallback-Cookies': cookie })
}

/**
 * `GET /v1/offwrite/oauth2/:provider/callback`: what Appwrite's redirect route does once the provider answers.
 * It finds or creates the user and the identity, then the session flow signs the browser in and the token
 * flow redirects to `success?userId=…&secret=<60-second JWT>` for `account.createSession`.
 */
export const oauthCallback = async (ctx: RequestContext) => {
  const provider = checkProvider(ctx)
  const state = decodeState(ctx.params.state)
  try {
    if (ctx.params.cancel) {
      throw new AppwriteError('user_oauth2_provider_error', { message: `The ${provider} OAuth2 provider returned an error: access_denied` })
    }
    const profile = profileOf(ctx, provider)
    const resolved = await resolveOAuthUser(ctx, profile)
    if (resolved.user.status === false) throw new AppwriteError('user_blocked')
    const current = ctx.caller.session
    const duration = ctx.settings.auth?.duration ?? DEFAULT_SESSION_SECONDS
    if (state.token) {
      const secret = randomHex(64)
      const token = await newToken(ctx, resolved.user.$id, TokenType.oauth2, secret, duration)
      await ctx.store.write(async (w) => {
        const user = await completeUser(w, ctx, resolved, profile)
        await saveIdentity(w, ctx, profile, user.$id, resolved.identityId)
        await w.add('tokens', token)
        w.emit(ctx.event([`users.${user.$id}.tokens.${token.$id}.create`], 'token', tokenView(token), [`user:${user.$id}`]))
      })
      const jwt = await signOAuthSecret(await ctx.jwtSecret(), secret, provider, ctx.now)
      return redirectTo(linkWith(state.success, { secret: jwt, userId: resolved.user.$id }))
    }
    const issued = await prepareSession(ctx, resolved.user, { provider, providerUid: profile.uid, factors: ['email', 'oauth2'] })
    await ctx.store.write(async (w) => {
      const user = await completeUser(w, ctx, resolved, profile)
      const tokens = await saveIdentity(w, ctx, profile, user.$id, resolved.identityId)
      if (current) await w.delete('sessions', current.$id)
      await storeSession(w, ctx, { ...issued, session: { ...issued.session, ...tokens } })
    })
    return handOver(ctx, issued.token, state.success)
  } catch (error) {
    if (error instanceof AppwriteError) return failTo(state, error)
    throw error
  }
}
