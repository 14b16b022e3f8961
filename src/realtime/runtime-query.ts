/**
 * Subscription queries (`RuntimeQuery` and `Realtime::convertQueries`): a few filter methods evaluated on the
 * event payload with PHP's operators. This is deliberately not the database evaluator: realtime compares
 * strictly (`===`), with no collation, and treats a missing attribute as no match.
 */
import { stringify } from 'lossless-json'
import { parseQuery } from '../query/index.js'
import type { Query } from '../query/index.js'
import { phpCompare, phpIdentical } from './php-compare.js'
import { RealtimeError } from './realtime-error.js'

export const ALLOWED_QUERIES = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanEqual',
  'greaterThan',
  'greaterThanEqual',
  'isNull',
  'isNotNull',
  'and',
  'or',
  'select',
]

export type { Query }

const isSelectAll = (q: Query) => q.method === 'select' && q.values.length === 1 && q.values[0] === '*'

/**
 * Parses and checks a subscription's query strings. Errors are Appwrite's: 1003 `Invalid query: …`.
 * @note A `select` other than `select(["*"])` throws outside Appwrite's query-error handling, so the client
 * gets a generic server error (code 0), as from Appwrite.
 */
export const parseRealtimeQueries = (raw: unknown): Query[] => {
  if (!Array.isArray(raw)) throw RealtimeError.serverError()
  const queries = raw.map((text) => {
    if (typeof text !== 'string') throw RealtimeError.serverError()
    try {
      return parseQuery(text)
    } catch (error) {
      throw RealtimeError.invalidMessage(`Invalid query: ${(error as Error).message}`)
    }
  })
  // Appwrite checks the last query first, then the nested ones of each and/or it meets.
  const stack = [...queries]
  while (stack.length > 0) {
    const query = stack.pop() as Query
    if (!ALLOWED_QUERIES.includes(query.method)) {
      throw RealtimeError.invalidMessage(
        `Invalid query: Query method '${query.method}' is not supported in Realtime queries. Allowed: ${ALLOWED_QUERIES.join(', ')}`,
      )
    }
    if (query.method === 'select' && !isSelectAll(query)) throw RealtimeError.serverError()
    if (query.method === 'and' || query.method === 'or') stack.push(...(query.values as Query[]))
  }
  return queries
}

const matches = (query: Query, payload: Record<string, unknown>): boolean => {
  const { method, values } = query
  if (method === 'and') return (values as Query[]).every((q) => matches(q, payload))
  if (method === 'or') return (values as Query[]).some((q) => matches(q, payload))
  if (!Object.hasOwn(payload, query.attribute)) return false
  const value = payload[query.attribute]
  switch (method) {
    case 'equal':
      return values.some((v) => phpIdentical(value, v))
    case 'notEqual':
      return !values.some((v) => phpIdentical(value, v))
    case 'lessThan':
      return values.some((v) => phpCompare(value, v) < 0)
    case 'lessThanEqual':
      return values.some((v) => phpCompare(value, v) <= 0)
    case 'greaterThan':
      return values.some((v) => phpCompare(value, v) > 0)
    case 'greaterThanEqual':
      return values.some((v) => phpCompare(value, v) >= 0)
    case 'isNull':
      return value === null
    case 'isNotNull':
      return value !== null
    default:
      return false
  }
}

/**
 * Whether an event payload passes a subscription's queries (ANDed). No queries, or a `select(["*"])` among
 * them, passes everything.
 */
export const matchesRuntimeQueries = (queries: readonly Query[], payload: Record<string, unknown>): boolean =>
  queries.length === 0 || queries.some(isSelectAll) || queries.every((q) => matches(q, payload))

/** A query as Appwrite writes it back (`Query::toString`): the attribute is left out when empty. */
export const queryToString = (query: Query): string => stringify(queryToArray(query)) ?? ''

const queryToArray = (query: Query): Record<string, unknown> => ({
  method: query.method,
  ...(query.attribute ? { attribute: query.attribute } : {}),
  values: query.method === 'and' || query.method === 'or' ? (query.values as Query[]).map(queryToArray) : query.values,
})
