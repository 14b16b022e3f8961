import type { Table } from 'dexie'
import type { AppwriteError } from '../../errors/index.js'
import { collationKey } from '../collation.js'
import { cursorNotFound, entryComparator, orderNullError } from '../evaluate.js'
import { fullOrder, groupQueries } from '../group.js'
import { matchesAll, readTopLevel } from '../match.js'
import type { Query } from '../types.js'
import { type Doc, type Entry, entry } from './entries.js'
import type { PhysicalIndex, StoredDocument } from './layout.js'
import { orderedPage } from './ordered-page.js'
import { choosePath } from './plan.js'
import { type PlanStats, countRanges, readRanges, walkRange } from './walk.js'

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

const shuffle = <T>(items: T[]): void => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
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
    // IndexedDB counts the range while the page is read; without a cursor one walk can also count the matches
    // when IndexedDB's count cannot.
    const counting = input.total !== false && exactCount ? countRanges(table, path.index, path.ranges) : undefined
    const countAlong = input.total !== false && !exactCount && !cursor
    const walked = await orderedPage({ table, path, cursor, passes, compare, want, countAlong, cap, stats })
    total = counting ? Math.min(await counting, cap) : walked.counted
    page = walked.docs.slice(grouped.offset, want)
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
