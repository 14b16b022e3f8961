import { uniqueId } from '../util/id.js'
import { convertChannels } from './account-channels.js'
import type { SubscribeItem } from './inbound-payloads.js'
import { parseRealtimeQueries, queryToString } from './runtime-query.js'
import type { SubscriptionSet } from './subscription-set.js'

/**
 * A `subscribe` frame: each item is registered under its id (made here when missing), its channels converted
 * for the connection's user. Everything is checked before anything is registered, so a bad item leaves the
 * connection as it was.
 */
export const subscribe = (subscriptions: SubscriptionSet, items: SubscribeItem[], userId: string): object => {
  const parsed = items.map((item) => ({
    subscriptionId: item.subscriptionId ?? uniqueId(),
    channels: convertChannels(item.channels, userId),
    queries: parseRealtimeQueries(item.queries ?? []),
  }))
  for (const item of parsed) subscriptions.add(item.subscriptionId, item.channels, item.queries)
  const acknowledged = parsed.map((item) => ({ ...item, queries: item.queries.map(queryToString) }))
  return { type: 'response', data: { to: 'subscribe', success: true, subscriptions: acknowledged } }
}

/** An `unsubscribe` frame: says, for each id, whether there was something to remove. */
export const unsubscribe = (subscriptions: SubscriptionSet, ids: string[]): object => ({
  type: 'response',
  data: {
    to: 'unsubscribe',
    success: true,
    subscriptions: ids.map((subscriptionId) => ({ subscriptionId, removed: subscriptions.remove(subscriptionId) })),
  },
})
