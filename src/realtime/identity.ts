/**
 * Who a realtime connection is. The page asks the engine (in the worker) and keeps the answer for as long as
 * the socket lives: the worker may be stopped at any time, a page's sockets may not.
 */

export interface IdentityRequest {
  projectId: string
  /** The encoded session (`a_session_<project>` cookie value) of an `authentication` frame. */
  session?: string
  /** A JWT from the socket URL. */
  jwt?: string
  /** Recompute the roles of this user (team and membership events); no credential is checked. */
  userId?: string
}

export type IdentityResult =
  | {
      ok: true
      /** The Account model, or `null` for a guest. */
      user: Record<string, unknown> | null
      roles: string[]
    }
  | { ok: false; code: number; message: string }

/** Answers identity requests: in the browser over the worker's admin channel, in Node from the engine. */
export type ResolveIdentity = (request: IdentityRequest) => Promise<IdentityResult>

export const GUEST: IdentityResult & { ok: true } = { ok: true, user: null, roles: ['guests'] }
