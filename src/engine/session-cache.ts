import type { WriteLayer } from '../store/write-path.js'
import type { SessionRecord, UserRecord } from './context.js'

export interface CachedSession {
  user: UserRecord
  session: SessionRecord
  roles: string[]
  /** Values derived from the user that routes may keep while the entry lives (e.g. the account's targets). */
  memo: Map<string, unknown>
}

/** The stores whose changes can alter who a session token names, what roles it carries, or what is memoised. */
const AUTH_STORES = new Set(['users', 'sessions', 'memberships', 'targets'])

/**
 * Remembers which user and roles a session token resolves to, so a signed-in request costs no hashing and no
 * lookups. A cache only: it is dropped whenever a write touches users, sessions or memberships (through the
 * write path, so no write can forget it), and a restarted worker simply starts empty.
 */
export class SessionCache {
  readonly #entries = new Map<string, CachedSession>()

  get(projectId: string, token: string, now: Date): CachedSession | undefined {
    const entry = this.#entries.get(`${projectId}\n${token}`)
    if (entry && new Date(entry.session.expire) < now) return undefined
    return entry
  }

  set(projectId: string, token: string, entry: CachedSession): void {
    if (this.#entries.size > 1000) this.#entries.clear()
    this.#entries.set(`${projectId}\n${token}`, entry)
  }

  #invalidate = (changes: readonly { table: string; op: string }[]) => {
    if (changes.some((c) => AUTH_STORES.has(c.table) || c.op === 'clear')) this.#entries.clear()
  }

  /** Clears before the commit and again after it, so a read racing the commit cannot re-cache the old state. */
  readonly layer: WriteLayer = {
    name: 'session-cache',
    inTransaction: async (_db, changes) => this.#invalidate(changes),
    afterCommit: (changes) => this.#invalidate(changes),
  }
}
