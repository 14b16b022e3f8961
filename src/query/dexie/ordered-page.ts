import { type Table, cmp } from 'dexie'
import { type Doc, type Entry, entry } from './entries.js'
import { ABOVE, encodeKey, type StoredDocument } from './layout.js'
import type { AccessPath, KeyRange, PathOrder } from './plan.js'
import { type PlanStats, walkRange } from './walk.js'

export interface OrderedWalk {
  table: Table<StoredDocument>
  /** A path whose walk gives the requested order (`path.order` is set). */
  path: AccessPath
  cursor?: Entry
  passes: (doc: Doc) => boolean
  compare: (a: Entry, b: Entry) => number
  /** Offset + limit: the records to collect. */
  want: number
  /** Keep walking after the page to count matches (up to `cap`). */
  countAlong: boolean
  cap: number
  stats: PlanStats
}

/** Moves the start of the walk to the cursor, so pages deep in a list read no more than a page. */
const narrow = (order: PathOrder, range: KeyRange, cursor: Doc): KeyRange => {
  const base = { ...range }
  const { prefix, rest, groupBy, reverse } = order
  const exact = groupBy === null
  const key = exact
    ? [...prefix, ...rest.map((a) => encodeKey(cursor[a])), cursor.$sequence]
    : [...prefix, ...groupBy.map((a) => encodeKey(cursor[a]))]
  if (!reverse) {
    const c = cmp(key, base.lower)
    if (c > 0) [base.lower, base.lowerOpen] = [key, exact]
    else if (c === 0) base.lowerOpen ||= exact
  } else {
    const bound = exact ? key : [...key, ABOVE]
    const c = cmp(bound, base.upper)
    if (c < 0) [base.upper, base.upperOpen] = [bound, exact]
    else if (c === 0) base.upperOpen ||= exact
  }
  return base
}

/**
 * Walks an index whose order is the requested one and collects the first `want` records after the cursor —
 * re-sorting runs of equal keys by `$sequence` where the tie-breaker runs against the walk — reading in
 * batches sized from what is still missing. With `countAlong` it also counts every match (`counted`).
 */
export const orderedPage = async (w: OrderedWalk): Promise<{ docs: Doc[]; counted?: number }> => {
  const { path, cursor, passes, compare, want, countAlong, cap } = w
  const order = path.order as NonNullable<AccessPath['order']>
  const afterCursor = (e: Entry) => !cursor || compare(e, cursor) > 0
  const out: Doc[] = []
  const groupBy = order.groupBy
  let run: Entry[] = []
  let runKey: unknown[] | undefined
  let seen = 0
  let passed = 0
  const flush = () => {
    run.sort(compare)
    for (const e of run) if (afterCursor(e)) out.push(e.record)
    run = []
  }
  const pageDone = () => out.length >= want
  const batchSize = () => {
    if (pageDone()) return 2000
    const rate = seen === 0 ? 1 : Math.max(passed / seen, 0.01)
    // A run re-sorted by `$sequence` needs the record after it (and may start at the cursor itself).
    return Math.ceil((want - out.length - run.length + (groupBy ? (cursor ? 2 : 1) : 0)) / rate)
  }
  const range = cursor ? narrow(order, path.ranges[0], cursor.record) : path.ranges[0]
  const ended = await walkRange(w.table, path.index, range, order.reverse, batchSize, w.stats, (stored) => {
    seen++
    if (!passes(stored.d)) return true
    passed++
    if (pageDone()) return countAlong && passed < cap
    const e = entry(stored.d)
    if (!groupBy) {
      if (afterCursor(e)) out.push(e.record)
      return !pageDone() || (countAlong && passed < cap)
    }
    const key = groupBy.map((a) => encodeKey(stored.d[a]))
    if (runKey && cmp(key, runKey) !== 0) {
      flush()
      if (pageDone()) return countAlong && passed < cap
    }
    runKey = key
    run.push(e)
    return true
  })
  flush()
  const counted = countAlong && (ended || passed >= cap) ? Math.min(passed, cap) : undefined
  return { docs: out, counted }
}
