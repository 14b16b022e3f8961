import { AppwriteError } from '../errors/index.js'
import { compareValues } from './collation.js'
import { fullOrder, groupQueries, type OrderKey } from './group.js'
import { matchesAll, type ReadValue, readTopLevel } from './match.js'
import type { Query } from './types.js'

export interface EvaluateOptions<T> {
  /** Reads an attribute of a record (default: the top-level property). */
  read?: ReadValue
  /** Records the caller may see (permissions). The cursor record is looked up among all records, as Appwrite does. */
  visible?: (record: T) => boolean
  /** Compute `total` (the route's `total` param; default true). */
  total?: boolean
  /** `total` counts at most this many (Appwrite's `APP_LIMIT_COUNT`, 5000). */
  totalCap?: number
  /** Page size when no `limit` is given (25). */
  defaultLimit?: number
  /** The error for a cursor that names no record (default: `general_cursor_not_found`, "Document '<id>' …"). */
  cursorNotFound?: (id: string) => AppwriteError
}

export interface Evaluated<T> {
  total: number
  records: T[]
}

export const cursorNotFound = (noun: string) => (id: string) =>
  new AppwriteError('general_cursor_not_found', { message: `${noun} '${id}' for the 'cursor' value not found.` })

export const orderNullError = (attribute: string) =>
  new AppwriteError('database_query_order_null', {
    message: `The order attribute '${attribute}' had a null value. Cursor pagination requires all documents order attribute values are non-null.`,
  })

type Entry<T> = { record: T; index: number }

/** A comparator over the full order; records without `$sequence` fall back to their position in the input. */
export const entryComparator = <T>(order: readonly OrderKey[], read: ReadValue) => (a: Entry<T>, b: Entry<T>): number => {
  for (const { attribute, desc } of order) {
    let c = compareValues(read(a.record, attribute), read(b.record, attribute))
    if (c === 0 && attribute === '$sequence') c = a.index - b.index
    if (c !== 0) return desc ? -c : c
  }
  return 0
}

const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * The reference evaluator: answers validated queries over records in memory with Appwrite's semantics —
 * filters (AND), `total` over the filters only (capped), order with the `$sequence` tie-breaker, keyset
 * cursors (`cursorBefore` returns the page just before the cursor, in normal order), then offset and limit.
 * `select` is left to the caller (`groupQueries(queries).selects`). Users, teams and files lists use it on
 * their small stores; the Dexie planner is tested against it.
 * @example
 * const { total, records } = evaluateQueries(users, validateQueries(parseQueries(raw), rules), { cursorNotFound: cursorNotFound('User') })
 */
export const evaluateQueries = <T>(records: readonly T[], queries: readonly Query[], options: EvaluateOptions<T> = {}): Evaluated<T> => {
  const read = options.read ?? readTopLevel
  const grouped = groupQueries(queries)
  const visible = options.visible
  const entries: Entry<T>[] = []
  records.forEach((record, index) => {
    if ((!visible || visible(record)) && matchesAll(record, grouped.filters, read)) entries.push({ record, index })
  })
  const total = options.total === false ? 0 : Math.min(entries.length, options.totalCap ?? 5000)
  const order = fullOrder(grouped.orders)
  const compare = entryComparator<T>(order, read)
  if (grouped.random) shuffle(entries)
  else entries.sort(compare)

  let page = entries
  const limit = grouped.limit ?? options.defaultLimit ?? 25
  if (grouped.cursor) {
    const { id, direction } = grouped.cursor
    const index = records.findIndex((r) => read(r, '$id') === id)
    if (index < 0) throw (options.cursorNotFound ?? cursorNotFound('Document'))(id)
    const cursor = { record: records[index], index }
    for (const { attribute } of grouped.orders) {
      const v = read(cursor.record, attribute)
      if (v === null || v === undefined) throw orderNullError(attribute)
    }
    if (direction === 'after') {
      page = entries.filter((e) => compare(e, cursor) > 0)
    } else {
      const before = entries.filter((e) => compare(e, cursor) < 0).reverse()
      return { total, records: before.slice(grouped.offset, grouped.offset + limit).reverse().map((e) => e.record) }
    }
  }
  return { total, records: page.slice(grouped.offset, grouped.offset + limit).map((e) => e.record) }
}
