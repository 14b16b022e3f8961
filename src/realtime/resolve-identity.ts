import { type MembershipRoles, type RoleSource, rolesOfUser } from '../auth/roles.js'
import type { Engine } from '../engine/index.js'
import { parseJson } from '../engine/read-params.js'
import { GUEST, type IdentityRequest, type IdentityResult, type ResolveIdentity } from './identity.js'

const ORIGIN = 'https://offwrite.invalid/v1'

/** Asks the engine for the account a credential belongs to, exactly as `GET /v1/account` answers it. */
const fetchAccount = async (engine: Engine, projectId: string, header: string | null, value: string) => {
  const headers = new Headers({ 'x-appwrite-project': projectId })
  if (header) headers.set(header, value)
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

/**
 * Answers a realtime connection's identity questions from the engine (run it where the engine is: the
 * service worker, or Node). Handshake: the project must exist (else 1008 `Missing or unknown project ID`), a
 * URL JWT must verify (else 401). `authentication`: the session must be live (the page turns a failure into
 * 1003 `Session is not valid.`). Role refresh: the user's current roles.
 */
export const createIdentityResolver =
  (engine: Engine): ResolveIdentity =>
  async (request: IdentityRequest): Promise<IdentityResult> => {
    const { projectId } = request
    if (request.userId) {
      const user = await (await engine.store(projectId)).db.table('users').get(request.userId)
      return user ? { ok: true, user: null, roles: await rolesOf(engine, projectId, user) } : GUEST
    }
    const [header, value] = request.session
      ? ['x-appwrite-session', request.session]
      : request.jwt
        ? ['x-appwrite-jwt', request.jwt]
        : [null, '']
    const { status, body } = await fetchAccount(engine, projectId, header, value)
    if (status === 200) return { ok: true, user: body, roles: await rolesOf(engine, projectId, body) }
    if (body.type === 'project_not_found' || body.type === 'general_access_forbidden') {
      return { ok: false, code: 1008, message: 'Missing or unknown project ID' }
    }
    if (body.type === 'user_jwt_invalid') return { ok: false, code: 401, message: String(body.message) }
    if (request.session) return { ok: false, code: 1003, message: 'Session is not valid.' }
    // A JWT of a deleted user or an ended session makes a guest, as in Appwrite.
    return GUEST
  }
