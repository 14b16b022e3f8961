import { uniqueId } from '../util/id.js'
import type { Handshake } from './handshake.js'
import { RealtimeError } from './realtime-error.js'
import { parseRealtimeQueries } from './runtime-query.js'
import type { SubscriptionSet } from './subscription-set.js'

export interface UrlSubscription {
  channels: string[]
  /** Raw query strings of the slot; `null` means `select(["*"])`. */
  queries: string[] | null
}

/**
 * URL mode (`Realtime::constructSubscriptions`): each channel's query param holds one slot or a list of slots,
 * each slot (a query string or a list of them) becoming its own subscription; a channel without queries joins
 * slot 0.
 * @note The param `project` is the project id, never a channel's queries.
 */
export const urlSubscriptions = (channels: readonly string[], queryParam: (name: string) => unknown): UrlSubscription[] => {
  const slots: UrlSubscription[] = []
  const slot = (index: number) => (slots[index] ??= { channels: [], queries: [] })
  for (const channel of channels) {
    const key = channel.replaceAll('.', '_')
    let param = queryParam(key)
    if (key === 'project' && typeof param === 'string') param = null
    if (param === null || param === undefined) {
      const first = slot(0)
      first.channels.push(channel)
      if (first.queries !== null && first.queries.length === 0) first.queries = null
      continue
    }
    const list = Array.isArray(param) ? param : [param]
    list.forEach((entry, index) => {
      const target = slot(index)
      if (!target.channels.includes(channel)) target.channels.push(channel)
      if (target.queries !== null && target.queries.length === 0) {
        target.queries = (Array.isArray(entry) ? entry : [entry]).map(String)
      }
    })
  }
  return slots.filter(Boolean)
}

/** URL-mode queries: a bad one refuses the connection with 1008 and the query error's own message. */
const urlQueries = (raw: string[]) => {
  try {
    return parseRealtimeQueries(raw)
  } catch (error) {
    if (!(error instanceof RealtimeError) || error.code !== 1003) throw error
    throw RealtimeError.policyViolation(error.message.replace(/^Invalid query: /, ''))
  }
}

/**
 * Registers the subscriptions a legacy URL asks for (`channels` already converted for the connection's user)
 * under server-made ids; returns the ids by slot, as `connected` lists them.
 */
export const subscribeFromUrl = (subscriptions: SubscriptionSet, channels: string[], handshake: Handshake): string[] =>
  urlSubscriptions(channels, handshake.queryParam).map((slot) => {
    const id = uniqueId()
    subscriptions.add(id, slot.channels, slot.queries === null ? [] : urlQueries(slot.queries))
    return id
  })
