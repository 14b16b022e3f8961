import { AppwriteError, invalidParam } from '../errors/index.js'
import { parseJson } from '../engine/read-params.js'
import { LOGICAL_METHODS, QUERY_METHODS, type Query } from './types.js'
import { phpType } from '../util/values.js'

export const queryInvalid = (message: string) => new AppwriteError('general_query_invalid', { message })

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** Builds a query from decoded JSON, as `Query::parseQuery` does (nested queries of and/or recursively). */
export const toQuery = (input: unknown): Query => {
  if (!isPlainObject(input)) throw queryInvalid(`Invalid query. Must be an array, got ${phpType(input)}`)
  const record = input as Record<string, unknown>
  const method = record.method ?? ''
  const attribute = record.attribute ?? ''
  const values = record.values ?? []
  if (typeof method !== 'string') throw queryInvalid(`Invalid query method. Must be a string, got ${phpType(method)}`)
  if (!QUERY_METHODS.has(method)) throw queryInvalid(`Invalid query method: ${method}`)
  if (typeof attribute !== 'string') {
    throw queryInvalid(`Invalid query attribute. Must be a string, got ${phpType(attribute)}`)
  }
  if (!isPlainObject(values)) throw queryInvalid(`Invalid query values. Must be an array, got ${phpType(values)}`)
  const list = Array.isArray(values) ? values : Object.values(values)
  // `Query::__construct`: an order without attribute orders by `$sequence`.
  const ordered = (method === 'orderAsc' || method === 'orderDesc') && attribute === '' ? '$sequence' : attribute
  return { method, attribute: ordered, values: LOGICAL_METHODS.has(method) ? list.map(toQuery) : list }
}

/** Parses one JSON query string (64-bit integers stay exact as `bigint`). */
export const parseQuery = (text: string): Query => {
  let decoded: unknown
  try {
    decoded = parseJson(text)
  } catch {
    throw queryInvalid('Invalid query: Syntax error')
  }
  return toQuery(decoded)
}

/**
 * Parses the `queries` param of a list route (the v27 SDK's JSON query strings). Errors are Appwrite's:
 * 400 `general_query_invalid` with `Invalid query: Syntax error`, `Invalid query method: regex`, and so on.
 * @example
 * const queries = parseQueries((ctx.params.queries as string[] | undefined) ?? [])
 */
export const parseQueries = (raw: readonly unknown[] | undefined | null): Query[] =>
  (raw ?? []).map((q) => (typeof q === 'string' ? parseQuery(q) : toQuery(q)))

/**
 * The transport limits of a `queries` param on document routes (`APP_LIMIT_ARRAY_PARAMS_SIZE`,
 * `APP_LIMIT_ARRAY_ELEMENT_SIZE`): at most 100 strings of 1–4096 characters.
 */
export const checkQueriesParam = (raw: unknown): string[] => {
  const list = raw ?? []
  if (!Array.isArray(list) || list.length > 100 || list.some((q) => typeof q !== 'string' || q.length < 1 || q.length > 4096)) {
    throw invalidParam(
      'queries',
      'Value must a valid array no longer than 100 items and Value must be a valid string and at least 1 chars and no longer than 4096 chars',
    )
  }
  return list
}
