import { type Table, cmp } from 'dexie'
import type { AppwriteError } from '../../errors/index.js'
import { collationKey } from '../collation.js'
import { cursorNotFound, entryComparator, orderNullError } from '../evaluate.js'
import { fullOrder, groupQueries } from '../group.js'
import { matchesAll, readTopLevel } from '../match.js'
import type { Query } from '../types.js'
import { ABOVE, encodeKey, type PhysicalIndex, type StoredDocument } from './layout.js'
import { type AccessPath, type KeyRange, choosePath } from './plan.js'
import { type PlanStats, countRanges, readRanges, walkRange } from './walk.js'

type Doc = Record<string, unknown>
type Entry = { record: Doc; index: number }

export interface DexieQueryInput {
  /** The `documents` store (inside or outside a transaction). */
  table: Table<StoredDocument>
  /** The collection's internal number. */
  cid: number
  /** The collection's indexes with their slots (available ones only). */
  indexes: readonly PhysicalIndex[]
  /** Validated queries. */
  queries: readonly Query[]
  /** Documents the caller may read; the cursor document is found regardless, as in Appwrite. */
  visible?: (doc: Doc) => boolean
  total?: boolean
  totalCap?: number
  defaultLimit?: number
  cursorNotFound?: (id: string) => AppwriteError
  stats?: PlanStats
}

const entry = (d: Doc): Entry => ({ record: d, index: d.$sequence as number })

const shuffle = <T>(items: T[]): void => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
}

/** Moves the start of the walk to the cursor, so pages deep in a list read no more than a page. */
const narrow = (path: AccessPath, cursor: Doc): KeyRange => {
  const base = { ...path.ranges[0] }
  const { prefix, rest, groupBy, reverse } = path.order!
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
 * Answers validated queries over one collection through its IndexedDB indexes, with the same results as
 * `evaluateQueries` (the property tests hold it to that). The chosen index narrows the read to the key
 * ranges of the equality and range filters; when its order is the requested one the walk stops after the
 * page, and `total` is IndexedDB's own count when the ranges settle every filter.
 */
export const queryDocuments = async (input: DexieQueryInput): Promise<{ total: number; records: Doc[] }> => {
  const { table, cid } = input
  const grouped = groupQueries(input.queries)
  const limit = grouped.limit ?? input.defaultLimit ?? 25
  const cap = input.totalCap ?? 5000
  const stats = input.stats ?? { examined: 0, index: '' }

  let cursor: Entry | undefined
  if (grouped.cursor) {
    const found = await table.where('k').equals([cid, collationKey(grouped.cursor.id)]).first()
    if (!found) throw (input.cursorNotFound ?? cursorNotFound('Document'))(grouped.cursor.id)
    stats.examined++
    for (const { attribute } of grouped.orders) {
      if (found.d[attribute] === null || found.d[attribute] === undefined) throw orderNullError(attribute)
    }
    cursor = entry(found.d)
  }
  const before = grouped.cursor?.direction === 'before'
  const order = fullOrder(grouped.orders).map((o) => (before ? { ...o, desc: !o.desc } : o))
  const path = choosePath(cid, input.indexes, grouped.filters, grouped.random ? [] : order)
  stats.index = path.index
  const residual = grouped.filters.filter((f) => !path.exact.includes(f))
  const visible = input.visible
  const passes = (d: Doc) => (!visible || visible(d)) && matchesAll(d, residual, readTopLevel)
  const compare = entryComparator<Doc>(order, readTopLevel)
  const afterCursor = (e: Entry) => !cursor || compare(e, cursor) > 0
  const want = grouped.offset + limit

  let page: Doc[]
  let total: number | undefined
  const exactCount = residual.length === 0 && !visible
  if (path.order && !grouped.random) {
    const out: Doc[] = []
    const groupBy = path.order.groupBy
    // Without a cursor one walk can also count the matches when IndexedDB's count cannot.
    const countAlong = input.total !== false && !exactCount && !cursor
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
    const range = cursor ? narrow(path, cursor.record) : path.ranges[0]
    const ended = await walkRange(table, path.index, range, path.order.reverse, batchSize, stats, (stored) => {
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
    if (countAlong && (ended || passed >= cap)) total = Math.min(passed, cap)
    page = out.slice(grouped.offset, want)
  } else {
    const docs = (await readRanges(table, path.index, path.ranges, stats)).map((s) => entry(s.d)).filter((e) => passes(e.record))
    total = Math.min(docs.length, cap)
    if (grouped.random) shuffle(docs)
    else docs.sort(compare)
    page = docs.filter(afterCursor).slice(grouped.offset, want).map((e) => e.record)
  }
  if (before) page.reverse()

  if (input.total === false) total = 0
  else if (total === undefined) {
    if (exactCount) total = Math.min(await countRanges(table, path.index, path.ranges), cap)
    else {
      let n = 0
      await walkRange(table, path.index, path.ranges[0], false, () => 2000, stats, (stored) => {
        if (passes(stored.d)) n++
        return n < cap
      })
      total = n
    }
  }
  return { total, records: page }
}
