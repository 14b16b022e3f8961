import { isFilter, type Query, type QueryAttribute, SPATIAL_METHODS, SPATIAL_TYPES, VECTOR_METHODS } from './types.js'
import { normalizeQueryValue } from './values.js'

const AT_LEAST_ONE = new Set(['equal', 'contains', 'containsAny', 'containsAll', 'notContains', 'exists', 'notExists'])
const EXACTLY_ONE = new Set([
  'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'search', 'notSearch',
  'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith',
])
const EXACTLY_TWO = new Set(['between', 'notBetween'])
const CONTAINS = new Set(['contains', 'containsAny', 'containsAll', 'notContains'])
const ARRAY_METHODS = new Set([...CONTAINS, 'isNull', 'isNotNull'])

const ucfirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Thrown inside validation with the validator's message; the caller adds `Invalid query: `. */
export class QueryRuleError extends Error {}

const fail = (message: string): never => {
  throw new QueryRuleError(message)
}

/**
 * Checks one filter query against the schema (utopia-php/database `Validator/Query/Filter.php`) and returns
 * it with normalised values (dates in UTC, `$sequence` as a number). Nested `and`/`or` are checked recursively.
 */
export const validateFilter = (query: Query, schema: ReadonlyMap<string, QueryAttribute>, maxValues: number): Query => {
  const { method, attribute, values } = query
  if (method === 'and' || method === 'or') {
    const nested = values as Query[]
    if (nested.some((q) => !isFilter(q.method))) fail(`${ucfirst(method)} queries can only contain filter queries`)
    if (nested.length < 2) fail(`${ucfirst(method)} queries require at least two queries`)
    return { method, attribute, values: nested.map((q) => validateFilter(q, schema, maxValues)) }
  }
  if (method === 'elemMatch') fail('elemMatch is not supported by the database')
  if (AT_LEAST_ONE.has(method) && (values.length === 0 || (Array.isArray(values[0]) && values[0].length === 0))) {
    fail(`${ucfirst(method)} queries require at least one value.`)
  }
  if (EXACTLY_ONE.has(method) && values.length !== 1) fail(`${ucfirst(method)} queries require exactly one value.`)
  if (EXACTLY_TWO.has(method) && values.length !== 2) fail(`${ucfirst(method)} queries require exactly two values.`)

  const attr = findAttribute(attribute, schema)
  if (attr.type === 'relationship') fail('Cannot query on virtual relationship attribute')
  if (VECTOR_METHODS.has(method)) fail('Vector queries can only be used on vector attributes')
  const spatial = SPATIAL_TYPES.has(attr.type)
  if (SPATIAL_METHODS.has(method) && !spatial) {
    fail(`Spatial query "${method}" cannot be applied on non-spatial attribute: ${attribute}`)
  }
  if (values.length > maxValues) fail(`Query on attribute has greater than ${maxValues} values: ${attribute}`)
  const normalized = values.map((value) => {
    const out = spatial ? value : normalizeQueryValue(attr.type, value)
    if (out === undefined) fail(`Query value is invalid for attribute "${attribute}"`)
    return out
  })
  if (!attr.array && !spatial && CONTAINS.has(method) && !isStringType(attr.type)) {
    const name = method === 'notContains' ? 'notContains' : 'contains'
    fail(`Cannot query ${name} on attribute "${attribute}" because it is not an array, string, or object.`)
  }
  if (attr.array && !ARRAY_METHODS.has(method)) {
    fail(`Cannot query ${method} on attribute "${attribute}" because it is an array.`)
  }
  return { method, attribute, values: normalized }
}

const STRING_TYPES = new Set(['string', 'varchar', 'text', 'mediumtext', 'longtext'])
const isStringType = (type: string) => STRING_TYPES.has(type)

const findAttribute = (attribute: string, schema: ReadonlyMap<string, QueryAttribute>): QueryAttribute => {
  const exact = schema.get(attribute)
  if (exact?.encrypt) fail(`Cannot query encrypted attribute: ${attribute}`)
  if (exact) return exact
  if (attribute.includes('.')) {
    const top = attribute.split('.')[0]
    if (schema.has(top)) fail(`Cannot query nested attribute on: ${top}`)
  }
  return fail(`Attribute not found in schema: ${attribute}`)
}
