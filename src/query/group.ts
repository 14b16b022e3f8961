import { isFilter, type Query } from './types.js'

export interface OrderKey {
  attribute: string
  desc: boolean
}

/** Queries sorted by role, as `Query::groupByType` does: the first limit, offset and cursor win. */
export interface GroupedQueries {
  filters: Query[]
  /** Explicit orders, in the order given (without the `$sequence` tie-breaker). */
  orders: OrderKey[]
  random: boolean
  limit: number | undefined
  offset: number
  cursor: { id: string; direction: 'after' | 'before' } | undefined
  /** Selected attributes, or `undefined` when nothing was selected (everything is returned). */
  selects: string[] | undefined
}

export const groupQueries = (queries: readonly Query[]): GroupedQueries => {
  const grouped: GroupedQueries = { filters: [], orders: [], random: false, limit: undefined, offset: 0, cursor: undefined, selects: undefined }
  let offsetSeen = false
  for (const q of queries) {
    const first = q.values[0]
    switch (q.method) {
      case 'limit':
        if (grouped.limit === undefined) grouped.limit = Number(first)
        break
      case 'offset':
        if (!offsetSeen) grouped.offset = Number(first)
        offsetSeen = true
        break
      case 'cursorAfter':
      case 'cursorBefore':
        grouped.cursor ??= { id: String(first), direction: q.method === 'cursorAfter' ? 'after' : 'before' }
        break
      case 'orderAsc':
      case 'orderDesc':
        grouped.orders.push({ attribute: q.attribute || '$sequence', desc: q.method === 'orderDesc' })
        break
      case 'orderRandom':
        grouped.random = true
        break
      case 'select':
        grouped.selects = [...(grouped.selects ?? []), ...(q.values as string[])]
        break
      default:
        if (isFilter(q.method)) grouped.filters.push(q)
    }
  }
  return grouped
}

/**
 * The full sort order of a list (`Database::find`): the explicit orders, then `$sequence` as tie-breaker
 * unless `$id` or `$sequence` is already ordered on — in the direction of the first order when that is
 * `$createdAt`/`$updatedAt`, ascending otherwise. No order at all is `$sequence` ascending.
 */
export const fullOrder = (orders: readonly OrderKey[]): OrderKey[] => {
  if (orders.some((o) => o.attribute === '$id' || o.attribute === '$sequence')) return [...orders]
  const first = orders[0]
  const desc = first !== undefined && (first.attribute === '$createdAt' || first.attribute === '$updatedAt') && first.desc
  return [...orders, { attribute: '$sequence', desc }]
}
