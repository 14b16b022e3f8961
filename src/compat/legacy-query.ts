import { LosslessNumber, stringify } from 'lossless-json'

/**
 * The query string syntax of SDKs before 15 (response formats below 1.5.0): `equal("attr", ["v"])`,
 * `between("n", 1, 5)`, `limit(25)`, `orderDesc("$createdAt")`. Read as Appwrite's request filter V17 reads it,
 * character by character, into the JSON query of today (`{"method":"equal","attribute":"attr","values":["v"]}`).
 */

export class LegacyQueryError extends Error {}

type Raw = string | string[]
type Value = string | number | boolean | null | LosslessNumber

const isQuote = (char: string | undefined) => char === '"' || char === "'"
const isSpecial = (char: string | undefined) => char === ',' || char === '[' || char === ']' || isQuote(char)

/** PHP's `is_numeric` on a trimmed string. */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/

/** A parameter's text as a value: booleans, null, numbers (kept exact), quoted strings; anything else as is. */
const parseValue = (text: string): Value => {
  const value = text.trim()
  if (value === 'false') return false
  if (value === 'true') return true
  if (value === 'null') return null
  if (NUMERIC.test(value)) return JSON_NUMBER.test(value) ? new LosslessNumber(value) : Number(value)
  if (isQuote(value[0])) return value.slice(1, -1)
  return value
}

/**
 * Splits `method(params)` into its method and raw parameters (strings keep their quotes, arrays are lists).
 * @note As Appwrite's parser: spaces and commas count only inside strings, a backslash escapes the next special
 * character, and the last character is taken for the closing parenthesis without checking it.
 */
const split = (filter: string): { method: string; params: Raw[] } => {
  const open = filter.indexOf('(')
  if (open === -1) throw new LegacyQueryError('Invalid query')
  const method = filter.slice(0, open)
  if (method.includes('.')) throw new LegacyQueryError('Invalid query method')

  const params: Raw[] = []
  let current = ''
  let array: string[] = []
  let depth = 0
  let quote: string | null = null
  const append = (inString: boolean, char: string) => {
    if ((char === ' ' || char === ',') && !inString) return
    current += char
  }
  for (let i = open + 1; i < filter.length - 1; i++) {
    const char = filter[i]
    const inString = quote !== null
    if (char === '\\') {
      if (!isSpecial(filter[i + 1])) append(inString, char)
      append(inString, filter[i + 1] ?? '')
      i++
      continue
    }
    if (isQuote(char) && (filter[i - 1] !== '\\' || filter[i - 2] === '\\')) {
      if (!inString) quote = char
      else if (char === quote) quote = null
      append(inString, char)
      continue
    }
    if (!inString && char === '[') {
      depth++
      continue
    }
    if (!inString && char === ']') {
      depth--
      if (current.length) array.push(current)
      params.push(array)
      array = []
      current = ''
      continue
    }
    if (!inString && char === ',') {
      if (depth > 0) array.push(current)
      else if (current.length) params.push(current)
      current = ''
      continue
    }
    append(inString, char)
  }
  if (current.length) params.push(current)
  return { method, params }
}

const FILTERS = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual',
  'contains', 'search', 'isNull', 'isNotNull', 'startsWith', 'endsWith',
])

const text = (value: Value | Value[] | undefined): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? '' : String(value)

/**
 * Reads one query of the old syntax into today's JSON query string.
 * @example
 * legacyQueryToJson('equal("accountId", ["a1"])') // '{"method":"equal","attribute":"accountId","values":["a1"]}'
 */
export const legacyQueryToJson = (filter: string): string => {
  const { method, params } = split(filter)
  const values = params.map((param) => (Array.isArray(param) ? param.map(parseValue) : parseValue(param)))
  const [first, second, third] = values
  let query: { method: string; attribute?: string; values?: unknown[] } = { method }
  if (FILTERS.has(method)) {
    query = { method, attribute: text(first), values: second === undefined ? [] : Array.isArray(second) ? second : [second] }
  } else if (method === 'between') {
    // SDK 11 sends `between("n", [1, 5])`, SDK 13 `between("n", 1, 5)`; both mean the same range.
    query = { method, attribute: text(first), values: Array.isArray(second) && third === undefined ? second : [second ?? null, third ?? null] }
  } else if (method === 'select') {
    if (!Array.isArray(first)) throw new LegacyQueryError('Invalid query values')
    query = { method, values: first }
  } else if (method === 'orderAsc' || method === 'orderDesc') {
    query = { method, attribute: text(first) }
  } else if (['limit', 'offset', 'cursorAfter', 'cursorBefore'].includes(method)) {
    query = { method, values: first === undefined ? [] : [first] }
  }
  return stringify(query) ?? '{}'
}
