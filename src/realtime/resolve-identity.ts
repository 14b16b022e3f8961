import { type MembershipRoles, type RoleSource, rolesOfUser } from '../auth/roles.js'
import type { Engine } from '../engine/index.js'
import { parseJson } from '../engine/read-params.js'
import { GUEST, type IdentityRequest, type IdentityResult, type ResolveIdentity } from './identity.js'

const ORIGIN = 'https://offwrite.invalid/v1'

/** Asks the engine for the account a credential belongs to, exactly as `GET /v1/account` answers it. */
const fetchAccount = async (engine: Engine, projectId: string, session?: string, jwt?: string) => {
  const headers = new Headers({ 'x-appwrite-project': projectId })
  if (session) headers.set('x-appwrite-session', session)
  if (jwt) headers.set('x-appwrite-jwt', jwt)
  const response = await engine.handle(new Request(`${ORIGIN}/account`, { headers }))
  return { status: response.status, body: parseJson(await response.text()) as Record<string, unknown> }
}

/** The user's confirmed memberships, as the engine's own role check reads them. */
const membershipsOf = async (engine: Engine, projectId: string, userId: string): Promise<MembershipRoles[]> => {
  const store = await engine.store(projectId)
  if (!store.schema.memberships) return []
  const rows = await store.db.table('memberships').where('userId').equals(userId).toArray()
  return rows.filter((m) => m.confirm)
}

const rolesOf = async (engine: Engine, projectId: string, user: Record<string, unknown>) =>
  rolesOfUser(user as unknown as RoleSource, await membershipsOf(engine, projectId, String(user.$id)))

const UNKNOWN_PROJECT = { ok: false, code: 1008, message: 'Missing or unknown project ID' } as const

/**
 * Answers a realtime connection's identity questions from the engine (run it where the engine is: the
 * service worker, or Node).
 * - handshake: the project must exist (else 1008 `Missing or unknown project ID`); a bad JWT, or a JWT next to
 *   a live session, refuses the socket with the REST error's code and message; a dead session makes a guest.
 * - authentication: the session must be live, else 1003 `Session is not valid.` (the socket stays open).
 * - refresh: the user's current roles.
 */
export const createIdentityResolver =
  (engine: Engine): ResolveIdentity =>
  async (request: IdentityRequest): Promise<IdentityResult> => {
    const { projectId } = request
    if (request.purpose === 'refresh') {
      const user = await (await engine.store(projectId)).db.table('users').get(request.userId)
      return user ? { ok: true, user: null, roles: await rolesOf(engine, projectId, user) } : GUEST
    }
    const jwt = request.purpose === 'handshake' ? request.jwt : undefined
    const { status, body } = await fetchAccount(engine, projectId, request.session, jwt)
    if (status === 200) return { ok: true, user: body, roles: await rolesOf(engine, projectId, body) }
    if (body.type === 'project_not_found' || body.type === 'general_access_forbidden') return UNKNOWN_PROJECT
    if (request.purpose === 'authentication') return { ok: false, code: 1003, message: 'Session is not valid.' }
    if (body.type === 'user_jwt_invalid' || body.type === 'user_jwt_and_cookie_set') {
      return { ok: false, code: Number(body.code), message: String(body.message) }
    }
    // A JWT of a deleted user or of an ended session, or a dead session cookie, makes a guest, as in Appwrite.
    return GUEST
  }
