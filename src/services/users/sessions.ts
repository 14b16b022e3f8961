import { encodeSessionToken, sha256 } from '../../auth/secrets.js'
import { parseUserAgent } from '../../auth/user-agent.js'
import { type RequestContext, type SessionRecord, type UserRecord, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { Writer } from '../../store/write-path.js'
import { randomHex } from '../../util/id.js'
import { addSeconds, formatDate } from '../../util/time.js'

/** Default session length: one year (Appwrite's `auths.duration`). */
const DEFAULT_DURATION = 31_536_000
const DEFAULT_MAX_SESSIONS = 10

export interface SessionOptions {
  provider: string
  providerUid: string
  factors: string[]
  providerAccessToken?: string
  providerRefreshToken?: string
  providerAccessTokenExpiry?: string
}

export interface IssuedSession {
  session: SessionRecord
  /** The encoded store value the client holds (cookie / fallback cookie / `X-Appwrite-Session`). */
  token: string
}

/** `X-Fallback-Cookies` value that hands the SDK its session. */
export const fallbackCookie = (projectId: string, token: string) => JSON.stringify({ [`a_session_${projectId}`]: token })

/** `X-Fallback-Cookies: []` — what Appwrite sends on logout. */
export const LOGGED_OUT = '[]'

/** Session-creating routes refuse a caller who already has a session (group `session` in Appwrite). */
export const assertNoSession = (ctx: RequestContext): void => {
  if (ctx.caller.user) throw new AppwriteError('user_session_already_exists')
}

/** Prepares a session outside the transaction (hashing is async work IndexedDB must not wait on). */
export const prepareSession = async (ctx: RequestContext, user: UserRecord, options: SessionOptions): Promise<IssuedSession> => {
  const secret = randomHex(256)
  const now = formatDate(ctx.now)
  const duration = ctx.settings.auth?.duration ?? DEFAULT_DURATION
  const session: SessionRecord = {
    $id: ctx.newId(),
    $createdAt: now,
    $updatedAt: now,
    userId: user.$id,
    expire: formatDate(addSeconds(ctx.now, duration)),
    provider: options.provider,
    providerUid: options.providerUid,
    providerAccessToken: options.providerAccessToken ?? '',
    providerAccessTokenExpiry: options.providerAccessTokenExpiry ?? '',
    providerRefreshToken: options.providerRefreshToken ?? '',
    ip: ctx.ip,
    ...parseUserAgent(ctx.userAgent),
    countryCode: '--',
    countryName: 'Unknown',
    factors: options.factors,
    mfaUpdatedAt: '',
    secretHash: await sha256(secret),
  }
  return { session, token: encodeSessionToken(user.$id, secret) }
}

/** Stores a prepared session, keeping at most `maxSessions` per user (the oldest go), and announces it. */
export const storeSession = async (w: Writer, ctx: RequestContext, issued: IssuedSession): Promise<void> => {
  const { session } = issued
  await w.add('sessions', session)
  const limit = ctx.settings.auth?.maxSessions ?? DEFAULT_MAX_SESSIONS
  const all = (await w.table<SessionRecord>('sessions').where('userId').equals(session.userId).toArray()).sort((a, b) =>
    a.$createdAt === b.$createdAt ? 0 : a.$createdAt < b.$createdAt ? -1 : 1,
  )
  const excess = all.filter((s) => s.$id !== session.$id).slice(0, Math.max(0, all.length - limit))
  await w.bulkDelete('sessions', excess.map((s) => s.$id))
  w.emit(sessionEvent(ctx, session, 'create'))
}

export const sessionEvent = (ctx: RequestContext, session: SessionRecord, action: 'create' | 'update' | 'delete') =>
  ctx.event([`users.${session.userId}.sessions.${session.$id}.${action}`], 'session', sessionView(session, false), [
    `user:${session.userId}`,
  ])

/** The Session model; `secret` is filled only for API-key callers (the renderer blanks it for others). */
export const sessionView = (session: SessionRecord, current: boolean, token = ''): Record<string, unknown> => {
  const { secretHash: _hash, ...rest } = session
  return { ...rest, current, secret: token }
}

/** The 201 answer to a session creation: the session, and the fallback cookie the SDK stores. */
export const sessionCreated = (ctx: RequestContext, issued: IssuedSession) =>
  reply({
    status: 201,
    body: sessionView(issued.session, true, issued.token),
    headers: { 'X-Fallback-Cookies': fallbackCookie(ctx.projectId, issued.token) },
  })
