import { type Query, matchesRuntimeQueries, queryToString } from './runtime-query.js'

interface ChannelFilter {
  queries: Query[]
}

/**
 * One connection's subscriptions, as Appwrite's subscription tree holds them: id → channel → filter.
 * @note Re-subscribing an id replaces the filter of the channels it names and keeps its other channels
 * (Appwrite never removes channels on a re-subscribe; clients unsubscribe first).
 */
export class SubscriptionSet {
  readonly #byId = new Map<string, Map<string, ChannelFilter>>()

  get size(): number {
    return this.#byId.size
  }

  /** Registers channels of a subscription; with no channels nothing is stored, as in Appwrite. */
  add(id: string, channels: readonly string[], queries: Query[]): void {
    if (channels.length === 0) return
    const byChannel = this.#byId.get(id) ?? new Map<string, ChannelFilter>()
    for (const channel of channels) byChannel.set(channel, { queries })
    this.#byId.set(id, byChannel)
  }

  remove(id: string): boolean {
    return this.#byId.delete(id)
  }

  /** Renames channels of every subscription (a connection that changed user). */
  rename(rename: (channels: string[]) => string[]): void {
    for (const [id, byChannel] of this.#byId) {
      const before = [...byChannel.keys()]
      const after = rename(before)
      this.#byId.set(id, new Map(before.map((channel, i) => [after[i], byChannel.get(channel) as ChannelFilter])))
    }
  }

  /**
   * The ids of the subscriptions an event reaches: one of its channels is theirs and the filter registered for
   * that channel accepts the payload. In the order of the event's channels, each id once.
   */
  match(channels: readonly string[], payload: Record<string, unknown>): string[] {
    const matched = new Set<string>()
    for (const channel of channels) {
      for (const [id, byChannel] of this.#byId) {
        const filter = byChannel.get(channel)
        if (filter && !matched.has(id) && matchesRuntimeQueries(filter.queries, payload)) matched.add(id)
      }
    }
    return [...matched]
  }

  /** What is registered, for inspection: each id with its channels and query strings. */
  list(): Array<{ subscriptionId: string; channels: string[]; queries: string[] }> {
    return [...this.#byId].map(([subscriptionId, byChannel]) => ({
      subscriptionId,
      channels: [...byChannel.keys()],
      queries: [...byChannel.values()][0]?.queries.map(queryToString) ?? [],
    }))
  }
}
