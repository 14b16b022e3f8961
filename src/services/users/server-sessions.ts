import { signJwt } from '../../auth/jwt.js'
import { sha256 } from '../../auth/secrets.js'
import { type RequestContext, type SessionRecord, reply } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import { randomHex } from '../../util/id.js'
import { addSeconds, formatDate } from '../../util/time.js'
import { checkUid } from '../common/validators.js'
import { getUserOrThrow } from './records.js'
import { prepareSession, sessionEvent, sessionView, storeSession } from './sessions.js'

const pathUser = (ctx: RequestContext) => getUserOrThrow(ctx, checkUid('userId', ctx.params.userId))

const sessionsOf = (ctx: RequestContext, userId: string): Promise<SessionRecord[]> =>
  ctx.store.db.table('sessions').where('userId').equals(userId).sortBy('$createdAt')

export const listSessions = async (ctx: RequestContext) => {
  const sessions = await sessionsOf(ctx, (await pathUser(ctx)).$id)
  return { total: sessions.length, sessions: sessions.map((s) => sessionView(s, false)) }
}

/** `POST /users/:id/sessions`: a session made by the server; the answer carries its secret (API key caller). */
export const createSession = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  const issued = await prepareSession(ctx, user, { provider: 'server', providerUid: '', factors: ['server'] })
  await ctx.store.write((w) => storeSession(w, ctx, issued))
  return reply({ status: 201, body: sessionView(issued.session, false, issued.token) })
}

export const deleteSession = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  const session = (await ctx.store.db.table('sessions').get(String(ctx.params.sessionId))) as SessionRecord | undefined
  if (!session || session.userId !== user.$id) throw new AppwriteError('user_session_not_found')
  await ctx.store.write(async (w) => {
    await w.delete('sessions', session.$id)
    w.emit(sessionEvent(ctx, session, 'delete'))
  })
  return undefined
}

export const deleteSessions = async (ctx: RequestContext) => {
  const sessions = await sessionsOf(ctx, (await pathUser(ctx)).$id)
  await ctx.store.write(async (w) => {
    await w.bulkDelete('sessions', sessions.map((s) => s.$id))
    for (const session of sessions) w.emit(sessionEvent(ctx, session, 'delete'))
  })
  return undefined
}

const inRange = (name: string, value: unknown, min: number, max: number, fallback: number): number => {
  const n = value == null ? fallback : Number(value)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidParam(name, `Value must be a valid range between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`)
  }
  return n
}

/** `POST /users/:id/tokens`: a generic token (type 8) that `account.createSession` turns into a session. */
export const createToken = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  const length = inRange('length', ctx.params.length, 4, 128, 6)
  const expire = inRange('expire', ctx.params.expire, 60, 31_536_000, 900)
  const secret = randomHex(length)
  const token = {
    $id: ctx.newId(),
    $createdAt: formatDate(ctx.now),
    userId: user.$id,
    type: 8,
    expire: formatDate(addSeconds(ctx.now, expire)),
    phrase: '',
    secretHash: await sha256(secret),
  }
  await ctx.store.write(async (w) => {
    await w.add('tokens', token)
    const { secretHash: _h, ...payload } = token
    w.emit(ctx.event([`users.${user.$id}.tokens.${token.$id}.create`], 'token', payload, [`user:${user.$id}`]))
  })
  const { secretHash: _hash, ...view } = token
  return reply({ status: 201, body: { ...view, secret } })
}

/** `POST /users/:id/jwts`: `sessionId` defaults to the most recent session; with none the JWT names no session. */
export const createJwt = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  const duration = inRange('duration', ctx.params.duration, 0, 3600, 900)
  const wanted = String(ctx.params.sessionId ?? 'recent')
  const sessions = await sessionsOf(ctx, user.$id)
  const session = wanted === 'recent' ? sessions.at(-1) : sessions.find((s) => s.$id === wanted)
  if (wanted !== 'recent' && !session) throw new AppwriteError('user_session_not_found')
  const jwt = await signJwt(await ctx.jwtSecret(), { userId: user.$id, sessionId: session?.$id ?? '' }, addSeconds(ctx.now, duration))
  return reply({ status: 201, body: { jwt } })
}
