import type { OrderKey } from '../group.js'
import { tokenize } from '../fulltext.js'
import type { Query } from '../types.js'
import { type KeyRange, RANGE_METHODS, pointRange, rangeBounds } from './key-ranges.js'
import { ABOVE, encodeKey, type PhysicalIndex, SYSTEM_INDEXES } from './layout.js'

export type { KeyRange } from './key-ranges.js'

/** How the walk over an index yields the requested order. */
export interface PathOrder {
  reverse: boolean
  /** `[cid, …equal values]`: the part of every key the equality filters fix. */
  prefix: unknown[]
  /** Index attributes after the prefix (their order in the key). */
  rest: string[]
  /**
   * `null`: the walk is exactly the requested order. Otherwise the walk yields runs of records with equal
   * values of these attributes, and each run is re-sorted (the `$sequence` tie-breaker runs the other way).
   */
  groupBy: string[] | null
}

/** One way to answer a list: an IndexedDB index (or the primary key), key ranges in it, and what it settles. */
export interface AccessPath {
  index: string
  /** Key ranges whose union holds every match (a superset: other filters are re-checked). */
  ranges: KeyRange[]
  /** Filters the ranges answer exactly; every other filter is checked on each record read. */
  exact: Query[]
  order: PathOrder | null
  /** Several ranges of a multi-entry index can hold one record more than once. */
  multiEntry: boolean
  score: number
}

/**
 * Whether walking `attrs` (after the equality prefix, then `$sequence`) can give `order`. Orders on attributes
 * the equality filters fix are constant and drop out.
 */
const orderThrough = (order: readonly OrderKey[], fixed: Set<string>, rest: string[], prefix: unknown[]): PathOrder | null => {
  const wanted = order.filter((o) => !fixed.has(o.attribute))
  const last = wanted[wanted.length - 1]
  if (last?.attribute !== '$sequence') return null
  const body = wanted.slice(0, -1)
  if (body.some((o, i) => o.attribute !== rest[i])) return null
  const reverse = (body[0] ?? last).desc
  if (body.some((o) => o.desc !== reverse)) return null
  if (body.length === rest.length && last.desc === reverse) return { reverse, prefix, rest, groupBy: null }
  if (body.length === 0) return null // one run holding everything: no better than sorting
  return { reverse, prefix, rest, groupBy: body.map((o) => o.attribute) }
}

const firstEqual = (filters: Query[], attribute: string) =>
  filters.find((f) => f.method === 'equal' && f.attribute === attribute)

/** Paths through one key or unique index. */
const keyPath = (cid: number, index: PhysicalIndex, filters: Query[], order: readonly OrderKey[]): AccessPath | null => {
  const prefix: unknown[] = [cid]
  const exact: Query[] = []
  const fixed = new Set<string>()
  let e = 0
  for (; e < index.attributes.length; e++) {
    const eq = firstEqual(filters, index.attributes[e])
    if (eq?.values.length !== 1) break
    prefix.push(encodeKey(eq.values[0]))
    exact.push(eq)
    fixed.add(eq.attribute)
  }
  const next = index.attributes[e]
  const multi = next === undefined ? undefined : firstEqual(filters, next)
  const ranged = next === undefined ? [] : filters.filter((f) => f.attribute === next && RANGE_METHODS.has(f.method))
  const unique = index.type === 'unique'
  // NULLs are missing from a unique slot: only lookups that exclude NULL in every attribute may use one.
  if (unique && index.slot !== 'k' && e < index.attributes.length - (multi || ranged.length ? 1 : 0)) return null
  let ranges: KeyRange[]
  let orderPath: PathOrder | null = null
  if (multi) {
    ranges = multi.values.map((v) => pointRange([...prefix, encodeKey(v)]))
    exact.push(multi)
  } else if (ranged.length) {
    ranges = [rangeBounds(ranged, prefix)]
    exact.push(...ranged.filter((f) => f.method !== 'startsWith'))
  } else {
    ranges = [pointRange(prefix)]
  }
  if (!multi && !unique) orderPath = orderThrough(order, fixed, index.attributes.slice(e), prefix)
  // `$id` is unique and never NULL: its own index gives an order on it (no `$sequence` tie-breaker then).
  if (index.slot === 'k' && e === 0 && !multi && order.length === 1 && order[0].attribute === '$id') {
    orderPath = { reverse: order[0].desc, prefix, rest: ['$id'], groupBy: null }
  }
  const score = e * 4 + (multi ? 3 : ranged.length ? 2 : 0) + (orderPath ? 1 : 0)
  if (score === 0) return null
  return { index: index.slot, ranges, exact, order: orderPath, multiEntry: false, score }
}

/** A fulltext index answers `search`: the records holding any of the term's words (the last as a prefix). */
const textPath = (cid: number, index: PhysicalIndex, filters: Query[]): AccessPath | null => {
  const search = filters.find((f) => f.method === 'search' && f.attribute === index.attributes[0])
  if (!search) return null
  const term = String(search.values[0]).trim()
  const phrase = term.length > 1 && term.startsWith('"') && term.endsWith('"')
  const words = tokenize(phrase ? term.slice(1, -1) : term.replace(/[@+\-*()<>~"]/g, ' '))
  const ranges = (phrase ? words.slice(0, 1) : words).map((w, i, all): KeyRange =>
    !phrase && i === all.length - 1
      ? { lower: [cid, w], upper: [cid, `${w}\uffff`], lowerOpen: false, upperOpen: false }
      : pointRange([cid, w]),
  )
  return { index: index.slot, ranges, exact: [], order: null, multiEntry: true, score: 5 }
}

/** The primary key: every record of the collection in `$sequence` order. */
const primaryPath = (cid: number, order: readonly OrderKey[]): AccessPath => {
  const only = order.length === 1 && order[0].attribute === '$sequence'
  const range: KeyRange = { lower: [cid], upper: [cid, ABOVE], lowerOpen: false, upperOpen: false }
  return {
    index: ':id',
    ranges: [range],
    exact: [],
    order: only ? { reverse: order[0].desc, prefix: [cid], rest: [], groupBy: null } : null,
    multiEntry: false,
    score: only ? 1 : 0,
  }
}

/**
 * Chooses how to answer a list: the index whose equality prefix, range and order cover the most of the
 * query (score: 4 per equality, 3 for several equal values, 2 for a range, 1 when the walk gives the order),
 * else the primary key.
 */
export const choosePath = (
  cid: number,
  indexes: readonly PhysicalIndex[],
  filters: Query[],
  order: readonly OrderKey[],
): AccessPath => {
  let best = primaryPath(cid, order)
  for (const index of [...SYSTEM_INDEXES, ...indexes]) {
    const path = index.type === 'fulltext' ? textPath(cid, index, filters) : keyPath(cid, index, filters, order)
    if (path && (path.score > best.score || (path.score === best.score && path.ranges.length < best.ranges.length))) best = path
  }
  return best
}
