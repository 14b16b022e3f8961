import { AppwriteError, invalidParam } from '../../errors/index.js'

/** One parsed `Query.*()` string. */
export interface Query {
  method: string
  attribute?: string
  values?: unknown[]
}

type Row = Record<string, unknown>

const BASE_ATTRIBUTES = ['$id', '$createdAt', '$updatedAt']
const DEFAULT_LIMIT = 25
const FILTERS = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'contains', 'notContains',
  'search', 'notSearch', 'isNull', 'isNotNull', 'between', 'notBetween', 'startsWith', 'notStartsWith', 'endsWith',
  'notEndsWith', 'and', 'or',
])
const OTHERS = new Set(['orderAsc', 'orderDesc', 'limit', 'offset', 'cursorAfter', 'cursorBefore', 'select'])

const fail = (reason: string) => invalidParam('queries', `Invalid query: ${reason}`)

const checkQuery = (query: Query, allowed: string[]): void => {
  if (!FILTERS.has(query.method) && !OTHERS.has(query.method)) throw fail(`Invalid query method: ${query.method}`)
  if (query.method === 'and' || query.method === 'or') {
    for (const nested of (query.values ?? []) as Query[]) checkQuery(nested, allowed)
    return
  }
  const needsAttribute = FILTERS.has(query.method) || query.method === 'orderAsc' || query.method === 'orderDesc'
  if (needsAttribute && query.attribute && !allowed.includes(query.attribute) && !BASE_ATTRIBUTES.includes(query.attribute)) {
    throw fail(`Attribute not found in schema: ${query.attribute}`)
  }
}

/** Parses the `queries` param (JSON strings) and checks each attribute against the route's allow-list. */
export const parseQueries = (raw: unknown, allowed: string[]): Query[] =>
  ((raw ?? []) as unknown[]).map((text) => {
    let query: Query
    try {
      query = typeof text === 'string' ? JSON.parse(text) : (text as Query)
    } catch {
      throw fail('Syntax error')
    }
    if (!query || typeof query.method !== 'string') throw fail('Syntax error')
    checkQuery(query, allowed)
    return query
  })

/** MariaDB full-text in boolean mode, as Appwrite uses it: any word of the term prefixes a word of the text. */
export const searchMatches = (text: string, term: string): boolean => {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean)
  const wanted = term.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean)
  return wanted.some((w) => words.some((word) => word.startsWith(w)))
}

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0
  if (a === undefined || a === null) return -1
  if (b === undefined || b === null) return 1
  return (a as number | string) < (b as number | string) ? -1 : 1
}

const test = (row: Row, query: Query): boolean => {
  const value = query.attribute === undefined ? undefined : row[query.attribute]
  const values = query.values ?? []
  const list = Array.isArray(value) ? value : [value]
  switch (query.method) {
    case 'equal': return values.some((v) => list.includes(v))
    case 'notEqual': return !values.some((v) => list.includes(v))
    case 'lessThan': return compare(value, values[0]) < 0
    case 'lessThanEqual': return compare(value, values[0]) <= 0
    case 'greaterThan': return compare(value, values[0]) > 0
    case 'greaterThanEqual': return compare(value, values[0]) >= 0
    case 'between': return compare(value, values[0]) >= 0 && compare(value, values[1]) <= 0
    case 'notBetween': return !test(row, { ...query, method: 'between' })
    case 'contains': return values.some((v) => (Array.isArray(value) ? value.includes(v) : String(value ?? '').includes(String(v))))
    case 'notContains': return !test(row, { ...query, method: 'contains' })
    case 'search': return searchMatches(String(value ?? ''), String(values[0] ?? ''))
    case 'notSearch': return !test(row, { ...query, method: 'search' })
    case 'isNull': return value === null || value === undefined
    case 'isNotNull': return value !== null && value !== undefined
    case 'startsWith': return String(value ?? '').startsWith(String(values[0]))
    case 'notStartsWith': return !String(value ?? '').startsWith(String(values[0]))
    case 'endsWith': return String(value ?? '').endsWith(String(values[0]))
    case 'notEndsWith': return !String(value ?? '').endsWith(String(values[0]))
    case 'and': return (values as Query[]).every((q) => test(row, q))
    case 'or': return (values as Query[]).some((q) => test(row, q))
    default: return true
  }
}

export interface ListOptions {
  /** The not-found message for a cursor, e.g. `Team '%s' for the 'cursor' value not found.` */
  cursorMessage: string
}

/**
 * Applies filters, order, cursor, offset and limit to rows already in creation order, as `find()` and `count()`
 * would: `total` counts every row the filters keep.
 */
export const applyQueries = <T extends object>(source: T[], queries: Query[], options: ListOptions): { rows: T[]; total: number } => {
  const rows = source as unknown as Row[]
  const filters = queries.filter((q) => FILTERS.has(q.method))
  let kept = rows.filter((row) => filters.every((q) => test(row, q)))
  const total = kept.length
  const orders = queries.filter((q) => q.method === 'orderAsc' || q.method === 'orderDesc')
  if (orders.length) {
    kept = [...kept].sort((a, b) => {
      for (const q of orders) {
        const c = compare(a[q.attribute as string], b[q.attribute as string])
        if (c) return q.method === 'orderAsc' ? c : -c
      }
      return 0
    })
  }
  const cursor = queries.find((q) => q.method === 'cursorAfter' || q.method === 'cursorBefore')
  if (cursor) {
    const id = String(cursor.values?.[0] ?? '')
    const at = kept.findIndex((row) => row.$id === id)
    if (at < 0) throw new AppwriteError('general_cursor_not_found', { message: options.cursorMessage.replace('%s', id) })
    kept = cursor.method === 'cursorAfter' ? kept.slice(at + 1) : kept.slice(0, at)
  }
  const offset = Number(queries.find((q) => q.method === 'offset')?.values?.[0] ?? 0)
  const limit = Number(queries.find((q) => q.method === 'limit')?.values?.[0] ?? DEFAULT_LIMIT)
  if (cursor?.method === 'cursorBefore') {
    const end = Math.max(0, kept.length - offset)
    return { rows: kept.slice(Math.max(0, end - limit), end) as unknown as T[], total }
  }
  return { rows: kept.slice(offset, offset + limit) as unknown as T[], total }
}
