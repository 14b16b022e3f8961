import type { AdminClient } from './admin-caller.js'

/** Who to act as: a user id, or the user with this email. */
export type UserRef = string | { userId: string } | { email: string }

/** A live session for a user, in every form a test may need to present it. */
export interface ActingSession {
  userId: string
  sessionId: string
  /** The session token (`client.setSession(secret)` in Node; header `X-Appwrite-Session`). */
  secret: string
  /** What the web SDK keeps in `localStorage.cookieFallback` for this session. */
  cookieFallback: string
  headers: Record<string, string>
}

const resolveUserId = async (api: AdminClient, who: UserRef): Promise<string> => {
  if (typeof who === 'string') return who
  if ('userId' in who) return who.userId
  // A read, so straight from the store (the `users` store indexes email).
  const store = await api.engine.store(api.projectId)
  const user = (await store.db.table('users').where('email').equals(who.email.toLowerCase()).first()) as { $id: string } | undefined
  if (!user) throw new Error(`[offwrite] no user with email ${who.email}`)
  return user.$id
}

/**
 * Signs a user in without their password: a session made with the server API (`users.createSession`), as a
 * backend would for its own sign-in flow. Requests that carry it act as that user, with that user's roles.
 */
export const actAs = async (api: AdminClient, who: UserRef): Promise<ActingSession> => {
  const userId = await resolveUserId(api, who)
  const session = await api.op<{ $id: string; secret: string }>('usersCreateSession', { userId })
  return {
    userId,
    sessionId: session.$id,
    secret: session.secret,
    cookieFallback: JSON.stringify({ [`a_session_${api.projectId}`]: session.secret }),
    headers: { 'X-Appwrite-Session': session.secret },
  }
}
