import { AppwriteError } from '../errors/index.js'
import { compareValues, likeKey, sqlEqual } from './collation.js'
import { searchMatches } from './fulltext.js'
import type { Query } from './types.js'

const isNull = (v: unknown) => v === null || v === undefined

/** Reads an attribute of a record (`$id`, `name`, …). */
export type ReadValue = (record: any, attribute: string) => unknown

export const readTopLevel: ReadValue = (record, attribute) => record?.[attribute]

const like = (value: unknown, test: (field: string) => boolean) => typeof value === 'string' && test(likeKey(value))

/** Array `contains`: an element equal (JSON-strictly) to one of the values. */
const arrayHas = (array: unknown[], wanted: unknown) => array.some((item) => item === wanted || (typeof item === 'object' && item !== null && JSON.stringify(item) === JSON.stringify(wanted)))

const contains = (value: unknown, values: unknown[], all: boolean): boolean => {
  if (Array.isArray(value)) return all ? values.every((v) => arrayHas(value, v)) : values.some((v) => arrayHas(value, v))
  if (typeof value !== 'string') return false
  const field = likeKey(value)
  const hit = (v: unknown) => typeof v === 'string' && field.includes(likeKey(v))
  return all ? values.every(hit) : values.some(hit)
}

/**
 * Whether a record passes one filter query, with SQL's three-valued logic: negative filters (`notEqual`,
 * `notContains`, `notStartsWith`, `notBetween`, …) never match NULL.
 */
export const matchesFilter = (record: unknown, query: Query, read: ReadValue = readTopLevel): boolean => {
  const { method, values } = query
  if (method === 'and') return (values as Query[]).every((q) => matchesFilter(record, q, read))
  if (method === 'or') return (values as Query[]).some((q) => matchesFilter(record, q, read))
  const value = read(record, query.attribute)
  if (method === 'isNull') return isNull(value)
  if (method === 'isNotNull') return !isNull(value)
  if (isNull(value)) return false
  const first = values[0]
  switch (method) {
    case 'equal':
      return values.some((v) => sqlEqual(value, v))
    case 'notEqual':
      return !sqlEqual(value, first)
    case 'lessThan':
      return compareValues(value, first) < 0
    case 'lessThanEqual':
      return compareValues(value, first) <= 0
    case 'greaterThan':
      return compareValues(value, first) > 0
    case 'greaterThanEqual':
      return compareValues(value, first) >= 0
    case 'between':
      return compareValues(value, values[0]) >= 0 && compareValues(value, values[1]) <= 0
    case 'notBetween':
      return compareValues(value, values[0]) < 0 || compareValues(value, values[1]) > 0
    case 'startsWith':
      return like(value, (f) => f.startsWith(likeKey(String(first))))
    case 'notStartsWith':
      return like(value, (f) => !f.startsWith(likeKey(String(first))))
    case 'endsWith':
      return like(value, (f) => f.endsWith(likeKey(String(first))))
    case 'notEndsWith':
      return like(value, (f) => !f.endsWith(likeKey(String(first))))
    case 'contains':
    case 'containsAny':
      return contains(value, values, false)
    case 'containsAll':
      return contains(value, values, true)
    case 'notContains':
      return (Array.isArray(value) || typeof value === 'string') && !contains(value, values, false)
    case 'search':
      return typeof value === 'string' && searchMatches(value, String(first))
    case 'notSearch':
      return typeof value === 'string' && !searchMatches(value, String(first))
    default:
      throw new AppwriteError('general_not_implemented', { message: `offwrite does not evaluate the query method ${method} yet.` })
  }
}

/** Whether a record passes every filter (filters are AND-ed). */
export const matchesAll = (record: unknown, filters: readonly Query[], read: ReadValue = readTopLevel): boolean =>
  filters.every((q) => matchesFilter(record, q, read))
