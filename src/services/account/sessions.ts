import { verifyPassword } from '../../auth/passwords.js'
import { type RequestContext, type SessionRecord, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { addSeconds, formatDate } from '../../util/time.js'
import { checkEmail, checkPassword } from '../common/validators.js'
import { findUserByEmail } from '../users/records.js'
import {
  LOGGED_OUT,
  assertNoSession,
  prepareSession,
  sessionCreated,
  sessionEvent,
  sessionView,
  storeSession,
} from '../users/sessions.js'
import { requireUser } from './require-user.js'

/** `POST /account/sessions/email`. */
export const createEmailPasswordSession = async (ctx: RequestContext) => {
  assertNoSession(ctx)
  const email = checkEmail('email', ctx.params.email).toLowerCase()
  const password = checkPassword('password', ctx.params.password)
  const user = await findUserByEmail(ctx, email)
  const valid =
    !!user?.password &&
    !!user.passwordUpdate &&
    (await verifyPassword(password, { hash: user.password, algorithm: user.hash ?? 'argon2', options: user.hashOptions ?? {} }))
  if (!user || !valid) throw new AppwriteError('user_invalid_credentials')
  if (user.status === false) throw new AppwriteError('user_blocked')
  const issued = await prepareSession(ctx, user, { provider: 'email', providerUid: email, factors: ['password'] })
  await ctx.store.write((w) => storeSession(w, ctx, issued))
  return sessionCreated(ctx, issued)
}

const userSessions = (ctx: RequestContext, userId: string): Promise<SessionRecord[]> =>
  ctx.store.db.table('sessions').where('userId').equals(userId).sortBy('$createdAt')

/** Resolves `current` and refuses sessions of other users. */
const findOwnSession = async (ctx: RequestContext, sessionId: string): Promise<SessionRecord> => {
  const user = requireUser(ctx)
  const id = sessionId === 'current' ? ctx.caller.session?.$id : sessionId
  const session = id ? ((await ctx.store.db.table('sessions').get(id)) as SessionRecord | undefined) : undefined
  if (!session || session.userId !== user.$id) throw new AppwriteError('user_session_not_found')
  return session
}

const isCurrent = (ctx: RequestContext, session: SessionRecord) => ctx.caller.session?.$id === session.$id

export const listSessions = async (ctx: RequestContext) => {
  const sessions = await userSessions(ctx, requireUser(ctx).$id)
  return { total: sessions.length, sessions: sessions.map((s) => sessionView(s, isCurrent(ctx, s))) }
}

export const getSession = async (ctx: RequestContext) => {
  const session = await findOwnSession(ctx, String(ctx.params.sessionId))
  return sessionView(session, isCurrent(ctx, session))
}

/**
 * `PATCH /account/sessions/:id` extends the session.
 * @note Appwrite answers with `current: false` here: it does not recompute it.
 */
export const updateSession = async (ctx: RequestContext) => {
  const session = await findOwnSession(ctx, String(ctx.params.sessionId))
  const duration = ctx.settings.auth?.duration ?? 31_536_000
  const next = { ...session, expire: formatDate(addSeconds(ctx.now, duration)), $updatedAt: formatDate(ctx.now) }
  await ctx.store.write(async (w) => {
    await w.put('sessions', next)
    w.emit(sessionEvent(ctx, next, 'update'))
  })
  return { ...sessionView(next, false), countryName: '' }
}

export const deleteSession = async (ctx: RequestContext) => {
  const session = await findOwnSession(ctx, String(ctx.params.sessionId))
  await ctx.store.write(async (w) => {
    await w.delete('sessions', session.$id)
    w.emit(sessionEvent(ctx, session, 'delete'))
  })
  return reply({ status: 204, headers: isCurrent(ctx, session) ? { 'X-Fallback-Cookies': LOGGED_OUT } : {} })
}

/** `DELETE /account/sessions`: every session goes; the event fires for the current one only. */
export const deleteSessions = async (ctx: RequestContext) => {
  const sessions = await userSessions(ctx, requireUser(ctx).$id)
  await ctx.store.write(async (w) => {
    await w.bulkDelete('sessions', sessions.map((s) => s.$id))
    const current = sessions.find((s) => isCurrent(ctx, s))
    if (current) w.emit(sessionEvent(ctx, current, 'delete'))
  })
  return reply({ status: 204, headers: { 'X-Fallback-Cookies': LOGGED_OUT } })
}
