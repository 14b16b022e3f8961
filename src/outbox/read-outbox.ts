import type { ProjectStore } from '../store/project-store.js'
import { OUTBOX_STORE, type OutboxMessage } from './message.js'

export interface OutboxFilter {
  /** Recipient email (compared case-insensitively) or phone number. */
  to?: string
  userId?: string
  kind?: OutboxMessage['kind']
  channel?: OutboxMessage['channel']
  /** Only messages created at or after this datetime. */
  since?: string
  limit?: number
}

const matches = (message: OutboxMessage, filter: OutboxFilter): boolean =>
  (!filter.to || message.to.toLowerCase() === filter.to.toLowerCase()) &&
  (!filter.userId || message.userId === filter.userId) &&
  (!filter.kind || message.kind === filter.kind) &&
  (!filter.channel || message.channel === filter.channel) &&
  (!filter.since || message.$createdAt >= filter.since)

/**
 * The captured messages of a project, newest first (`[0]` is the latest), optionally filtered.
 * @example const [latest] = await readOutbox(await engine.store('demo'), { to: 'ann@example.com', kind: 'magicUrl' })
 */
export const readOutbox = async (store: ProjectStore, filter: OutboxFilter = {}): Promise<OutboxMessage[]> => {
  if (!store.schema[OUTBOX_STORE]) return []
  // The store's key is an auto-increment sequence: reading it backwards gives newest first.
  const all = (await store.db.table(OUTBOX_STORE).reverse().toArray()) as Array<OutboxMessage & { seq?: number }>
  const sorted = all.filter((m) => matches(m, filter)).map(({ seq: _seq, ...m }) => m as OutboxMessage)
  return filter.limit === undefined ? sorted : sorted.slice(0, filter.limit)
}
