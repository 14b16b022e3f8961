import { AppwriteError } from '../errors/index.js'
import { queryInvalid } from './parse.js'
import { isFilter, type Query, type QueryAttribute, type QueryIndex } from './types.js'
import { QueryRuleError, validateFilter } from './validate-filter.js'

export type QueryKind = 'select' | 'filter' | 'order' | 'limit' | 'offset' | 'cursor'

export interface QueryRules {
  /** The attributes that may be filtered, ordered and selected (without the system ones). */
  attributes: readonly QueryAttribute[]
  /** System attributes that are queryable too. Default: `$id`, `$sequence`, `$createdAt`, `$updatedAt`. */
  system?: readonly QueryAttribute[]
  /** The collection's indexes: when given, `search` needs a fulltext index on exactly its attribute. */
  indexes?: readonly QueryIndex[]
  /** Which kinds of queries the route accepts (default all; a document get accepts only `select`). */
  kinds?: readonly QueryKind[]
  /** Maximum values in one filter (Appwrite's `APP_DATABASE_QUERY_MAX_VALUES`, 500). */
  maxValues?: number
}

export const DOCUMENT_SYSTEM_ATTRIBUTES: readonly QueryAttribute[] = [
  { key: '$id', type: 'string' },
  { key: '$sequence', type: 'id' },
  { key: '$createdAt', type: 'datetime' },
  { key: '$updatedAt', type: 'datetime' },
]

const INTERNAL_KEYS = new Set(['$id', '$sequence', '$collection', '$tenant', '$createdAt', '$updatedAt', '$permissions'])
const PHP_INT_MAX = '9,223,372,036,854,775,807'
const UID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}$/
const UID_RULE =
  "UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore"

const kindOf = (method: string): QueryKind => {
  if (method === 'select') return 'select'
  if (method === 'limit') return 'limit'
  if (method === 'offset') return 'offset'
  if (method === 'cursorAfter' || method === 'cursorBefore') return 'cursor'
  if (method === 'orderAsc' || method === 'orderDesc' || method === 'orderRandom') return 'order'
  return 'filter'
}

const debugType = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : typeof v === 'boolean' ? 'bool' : typeof v

const isNumeric = (v: unknown) =>
  typeof v === 'bigint' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))

const checkRange = (name: string, value: unknown, min: number): number => {
  if (!isNumeric(value)) throw new QueryRuleError(`Invalid ${name}: Value must be a valid number`)
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) {
    throw new QueryRuleError(`Invalid ${name}: Value must be a valid range between ${min} and ${PHP_INT_MAX}`)
  }
  return n
}

const validateOne = (query: Query, schema: Map<string, QueryAttribute>, rules: QueryRules): Query => {
  const { method, attribute, values } = query
  switch (kindOf(method)) {
    case 'limit':
      return { method, attribute, values: [checkRange('limit', values[0], 1)] }
    case 'offset':
      return { method, attribute, values: [checkRange('offset', values[0], 0)] }
    case 'cursor':
      if (typeof values[0] !== 'string' || !UID.test(values[0])) throw new QueryRuleError(`Invalid cursor: ${UID_RULE}`)
      return query
    case 'order':
      if (method !== 'orderRandom' && attribute !== '$sequence' && !schema.has(attribute)) {
        const top = attribute.split('.')[0]
        if (attribute.includes('.') && schema.has(top)) throw new QueryRuleError(`Cannot order by nested attribute: ${top}`)
        throw new QueryRuleError(`Attribute not found in schema: ${attribute}`)
      }
      return query
    case 'select': {
      if (values.length === 0) throw new QueryRuleError('No attributes selected')
      const bad = values.find((v) => typeof v !== 'string')
      if (bad !== undefined) throw new QueryRuleError(`Attribute selection must be a string, got ${debugType(bad)}`)
      if (new Set(values).size !== values.length) throw new QueryRuleError('Duplicate attributes selected')
      for (const value of values as string[]) {
        const top = value.split('.')[0]
        if (value !== '*' && !INTERNAL_KEYS.has(top) && !schema.has(value) && !schema.has(top)) {
          throw new QueryRuleError(`Attribute not found in schema: ${top}`)
        }
      }
      return query
    }
    default:
      return validateFilter(query, schema, rules.maxValues ?? 500)
  }
}

/** `search` needs a fulltext index whose attribute list is exactly `[attribute]` (IndexedQueries.php). */
const checkSearch = (queries: readonly Query[], indexes: readonly QueryIndex[]): void => {
  for (const query of queries) {
    if (query.method === 'and' || query.method === 'or') checkSearch(query.values as Query[], indexes)
    if (query.method !== 'search' && query.method !== 'notSearch') continue
    const ok = indexes.some((i) => i.type === 'fulltext' && i.attributes.length === 1 && i.attributes[0] === query.attribute)
    if (!ok) {
      throw new AppwriteError('general_query_invalid', {
        message: `Searching by attribute "${query.attribute}" requires a fulltext index.`,
      })
    }
  }
}

/**
 * Validates parsed queries as Appwrite's list validators do and returns them with normalised values.
 * Failures are 400 `general_query_invalid` with Appwrite's messages (`Invalid query: Attribute not found in
 * schema: x`, `Invalid query method: search` where a kind is not allowed, …).
 * @example
 * const queries = validateQueries(parseQueries(ctx.params.queries as string[]), {
 *   attributes: [{ key: 'name', type: 'string' }, { key: 'labels', type: 'string', array: true }],
 *   system: [{ key: '$id', type: 'string' }, { key: '$createdAt', type: 'datetime' }],
 *   kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
 * })
 */
export const validateQueries = (queries: readonly Query[], rules: QueryRules): Query[] => {
  const schema = new Map<string, QueryAttribute>()
  for (const attr of [...rules.attributes, ...(rules.system ?? DOCUMENT_SYSTEM_ATTRIBUTES)]) schema.set(attr.key, attr)
  const kinds = rules.kinds ?? ['select', 'filter', 'order', 'limit', 'offset', 'cursor']
  const out = queries.map((query) => {
    if (!kinds.includes(kindOf(query.method))) throw queryInvalid(`Invalid query method: ${query.method}`)
    try {
      return validateOne(query, schema, rules)
    } catch (error) {
      if (error instanceof QueryRuleError) throw queryInvalid(`Invalid query: ${error.message}`)
      throw error
    }
  })
  if (rules.indexes) checkSearch(out.filter((q) => isFilter(q.method)), rules.indexes)
  return out
}
