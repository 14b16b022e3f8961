/**
 * Who a realtime connection is. The page asks the engine (in the worker) and keeps the answer for as long as
 * the socket lives: the worker may be stopped at any time, a page's sockets may not.
 */

export type IdentityRequest =
  /** Opening: a session from the handshake headers (cookie, `X-Appwrite-Session`, `X-Fallback-Cookies`) and/or a URL JWT. */
  | { purpose: 'handshake'; projectId: string; session?: string; jwt?: string }
  /** An `authentication` frame: the encoded session (`a_session_<project>` cookie value). */
  | { purpose: 'authentication'; projectId: string; session: string }
  /** Team and membership events: this user's current roles; no credential is checked. */
  | { purpose: 'refresh'; projectId: string; userId: string }

export type IdentityResult =
  | {
      ok: true
      /** The Account model, or `null` for a guest (and for a refresh, which only answers roles). */
      user: Record<string, unknown> | null
      roles: string[]
    }
  | { ok: false; code: number; message: string }

/** Answers identity requests: in the browser over the worker's admin channel, in Node from the engine. */
export type ResolveIdentity = (request: IdentityRequest) => Promise<IdentityResult>

export const GUEST: IdentityResult & { ok: true } = { ok: true, user: null, roles: ['guests'] }
