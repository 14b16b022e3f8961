import { verifyJwt } from '../auth/jwt.js'
import { GUEST_ROLES, type MembershipRoles, rolesOfUser } from '../auth/roles.js'
import { GUEST_SCOPES, USER_SCOPES } from '../auth/scopes.js'
import { decodeSessionToken, sha256 } from '../auth/secrets.js'
import { AppwriteError } from '../errors/index.js'
import type { ProjectStore } from '../store/project-store.js'
import type { Caller, ProjectSettings, SessionRecord, UserRecord } from './context.js'
import { parseJson } from './read-params.js'
import type { SessionCache } from './session-cache.js'

/** The session token a request carries: `X-Appwrite-Session`, else the SDK's `X-Fallback-Cookies` entry. */
export const sessionTokenOf = (request: Request, projectId: string): string | null => {
  const header = request.headers.get('x-appwrite-session')
  if (header) return header
  const fallback = request.headers.get('x-fallback-cookies')
  if (!fallback) return null
  try {
    const cookies = parseJson(fallback) as Record<string, unknown> | unknown[]
    const value = !Array.isArray(cookies) && cookies ? cookies[`a_session_${projectId}`] : undefined
    return typeof value === 'string' && value ? value : null
  } catch {
    return null
  }
}

const userRoles = async (store: ProjectStore, user: UserRecord): Promise<string[]> => {
  let memberships: MembershipRoles[] = []
  if (store.schema.memberships) {
    const rows = await store.db.table('memberships').where('userId').equals(user.$id).toArray()
    memberships = rows.filter((m) => m.confirm)
  }
  return rolesOfUser(user, memberships)
}

/** Finds the user and session a session token names, if the session is live. */
export const findSession = async (
  store: ProjectStore,
  token: string,
  now: Date,
): Promise<{ user: UserRecord; session: SessionRecord } | null> => {
  const decoded = decodeSessionToken(token)
  if (!decoded) return null
  const user = (await store.db.table('users').get(decoded.id)) as UserRecord | undefined
  if (!user) return null
  const hash = await sha256(decoded.secret)
  const session = (await store.db.table('sessions').where('secretHash').equals(hash).first()) as SessionRecord | undefined
  if (!session || session.userId !== user.$id || new Date(session.expire) < now) return null
  return { user, session }
}

const guest = (): Caller => ({ user: null, session: null, key: null, jwt: false, roles: [...GUEST_ROLES], scopes: GUEST_SCOPES })

/**
 * Resolves the caller of a request as Appwrite's `user` resource does: API key, then session (header or
 * fallback cookie), then JWT. A session that does not verify makes the request a guest, never an error.
 */
export const authenticate = async (
  request: Request,
  projectId: string,
  store: ProjectStore,
  settings: ProjectSettings,
  now: Date,
  jwtSecret: () => Promise<Uint8Array>,
  cache?: SessionCache,
): Promise<Caller> => {
  const keySecret = request.headers.get('x-appwrite-key')
  if (keySecret) {
    const configured = settings.apiKeys ?? []
    if (configured.length === 0) return { ...guest(), roles: [], key: { secret: keySecret, scopes: '*' }, scopes: '*' }
    const key = configured.find((k) => k.secret === keySecret)
    if (!key) throw new AppwriteError('user_unauthorized', { message: 'Invalid API key' })
    return { ...guest(), roles: [], key, scopes: key.scopes }
  }

  let caller = guest()
  const token = sessionTokenOf(request, projectId)
  let found = token ? cache?.get(projectId, token, now) : undefined
  if (token && !found) {
    const live = await findSession(store, token, now)
    if (live) {
      found = { ...live, roles: await userRoles(store, live.user), memo: new Map() }
      cache?.set(projectId, token, found)
    }
  }
  if (found) caller = { ...caller, ...found, scopes: USER_SCOPES }

  const jwt = request.headers.get('x-appwrite-jwt')
  if (jwt) {
    if (found) throw new AppwriteError('user_jwt_and_cookie_set')
    const verified = await verifyJwt(await jwtSecret(), jwt, now)
    if (!verified.ok) {
      throw new AppwriteError('user_jwt_invalid', { message: `Failed to verify JWT. Invalid token: ${verified.reason}` })
    }
    const user = (await store.db.table('users').get(verified.claims.userId)) as UserRecord | undefined
    if (!user) return guest()
    if (verified.claims.sessionId) {
      const session = (await store.db.table('sessions').get(verified.claims.sessionId)) as SessionRecord | undefined
      if (!session || session.userId !== user.$id || new Date(session.expire) < now) return guest()
    }
    caller = { user, session: null, key: null, jwt: true, roles: await userRoles(store, user), scopes: USER_SCOPES }
  }
  return caller
}
