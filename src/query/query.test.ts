import { Query as SdkQuery } from 'appwrite'
import { describe, expect, it } from 'vitest'
import { evaluateQueries, parseQueries, validateQueries } from './index.js'
import type { QueryAttribute } from './types.js'

const attributes: QueryAttribute[] = [
  { key: 'name', type: 'string' },
  { key: 'age', type: 'integer' },
  { key: 'tags', type: 'string', array: true },
  { key: 'active', type: 'boolean' },
  { key: 'born', type: 'datetime' },
]
const rules = { attributes, indexes: [{ key: 'ft', type: 'fulltext', attributes: ['name'] }] }
const check = (raw: string[]) => validateQueries(parseQueries(raw), rules)
const error = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return { type: (e as { type: string }).type, message: (e as Error).message }
  }
  throw new Error('expected an error')
}

const docs = [
  { $id: 'a', $sequence: 1, name: 'Alice', age: 30, tags: ['x', 'y'], active: true, born: '1990-01-01T00:00:00.000+00:00' },
  { $id: 'b', $sequence: 2, name: 'bob', age: 20, tags: ['y'], active: false, born: null },
  { $id: 'c', $sequence: 3, name: 'Élodie Martin', age: null, tags: null, active: true, born: '2000-06-01T12:00:00.000+00:00' },
  { $id: 'd', $sequence: 4, name: 'alice', age: 30, tags: [], active: null, born: null },
]
const ids = (raw: string[], options = {}) => evaluateQueries(docs, check(raw), options).records.map((d) => d.$id)

describe('parseQueries', () => {
  it('refuses what Appwrite refuses, with its messages', () => {
    expect(error(() => parseQueries(['equal("a", "b")']))).toEqual({ type: 'general_query_invalid', message: 'Invalid query: Syntax error' })
    expect(error(() => parseQueries([SdkQuery.regex('name', 'a.*')])).message).toBe('Invalid query method: regex')
    expect(error(() => parseQueries(['"x"'])).message).toBe('Invalid query. Must be an array, got string')
    expect(error(() => parseQueries(['{"method":1}'])).message).toBe('Invalid query method. Must be a string, got integer')
    expect(error(() => parseQueries(['{"method":"equal","attribute":"a","values":3}'])).message).toBe(
      'Invalid query values. Must be an array, got integer',
    )
  })

  it('reads nested and/or and the SDK sugar', () => {
    const [q] = parseQueries([SdkQuery.or([SdkQuery.equal('name', 'a'), SdkQuery.createdBefore('2020-01-01')])])
    expect(q.values).toEqual([
      { method: 'equal', attribute: 'name', values: ['a'] },
      { method: 'lessThan', attribute: '$createdAt', values: ['2020-01-01'] },
    ])
  })
})

describe('validateQueries', () => {
  it('checks attributes, value types, counts and methods', () => {
    const message = (raw: string) => error(() => check([raw])).message
    expect(message(SdkQuery.equal('nope', 1))).toBe('Invalid query: Attribute not found in schema: nope')
    expect(message(SdkQuery.equal('age', '1'))).toBe('Invalid query: Query value is invalid for attribute "age"')
    expect(message(SdkQuery.equal('tags', 'x'))).toBe('Invalid query: Cannot query equal on attribute "tags" because it is an array.')
    expect(message(SdkQuery.contains('age', [1]))).toBe(
      'Invalid query: Cannot query contains on attribute "age" because it is not an array, string, or object.',
    )
    expect(message(SdkQuery.equal('name', []))).toBe('Invalid query: Equal queries require at least one value.')
    expect(message(SdkQuery.search('age', 'x'))).toBe('Invalid query: Query value is invalid for attribute "age"')
    expect(message(SdkQuery.limit(0))).toBe('Invalid query: Invalid limit: Value must be a valid range between 1 and 9,223,372,036,854,775,807')
    expect(message(SdkQuery.cursorAfter('_bad'))).toMatch(/^Invalid query: Invalid cursor: UID must contain/)
    expect(message(SdkQuery.or([SdkQuery.equal('name', 'a')]))).toBe('Invalid query: Or queries require at least two queries')
    expect(message(SdkQuery.select(['name', 'name']))).toBe('Invalid query: Duplicate attributes selected')
    expect(message(SdkQuery.orderAsc('nope'))).toBe('Invalid query: Attribute not found in schema: nope')
    expect(message(SdkQuery.equal('name', Array.from({ length: 501 }, (_, i) => `n${i}`)))).toBe(
      'Invalid query: Query on attribute has greater than 500 values: name',
    )
    expect(error(() => validateQueries(parseQueries([SdkQuery.search('name', 'x')]), { attributes, indexes: [] })).message).toBe(
      'Searching by attribute "name" requires a fulltext index.',
    )
    expect(error(() => validateQueries(parseQueries([SdkQuery.limit(1)]), { attributes, kinds: ['select'] })).message).toBe(
      'Invalid query method: limit',
    )
  })

  it('normalises datetimes to UTC', () => {
    const [q] = check([SdkQuery.greaterThan('born', '1995-01-01T02:00:00+02:00')])
    expect(q.values).toEqual(['1995-01-01T00:00:00.000+00:00'])
  })
})

describe('evaluateQueries', () => {
  it('filters with Appwrite semantics', () => {
    expect(ids([SdkQuery.equal('name', ['ALICE'])])).toEqual(['a', 'd'])
    expect(ids([SdkQuery.equal('age', [20, 30])])).toEqual(['a', 'b', 'd'])
    expect(ids([SdkQuery.notEqual('age', 30)])).toEqual(['b'])
    expect(ids([SdkQuery.isNull('age')])).toEqual(['c'])
    expect(ids([SdkQuery.contains('tags', 'y')])).toEqual(['a', 'b'])
    expect(ids([SdkQuery.notContains('tags', 'x')])).toEqual(['b', 'd'])
    expect(ids([SdkQuery.contains('name', 'LIC')])).toEqual(['a', 'd'])
    expect(ids([SdkQuery.startsWith('name', 'elo')])).toEqual(['c'])
    expect(ids([SdkQuery.between('age', 20, 29)])).toEqual(['b'])
    expect(ids([SdkQuery.notBetween('age', 20, 29)])).toEqual(['a', 'd'])
    expect(ids([SdkQuery.search('name', 'mart')])).toEqual(['c'])
    expect(ids([SdkQuery.equal('active', false)])).toEqual(['b'])
    expect(ids([SdkQuery.or([SdkQuery.equal('age', 20), SdkQuery.isNull('born')])])).toEqual(['b', 'd'])
  })

  it('orders with NULLs first ascending and the $sequence tie-breaker', () => {
    expect(ids([SdkQuery.orderAsc('age')])).toEqual(['c', 'b', 'a', 'd'])
    expect(ids([SdkQuery.orderDesc('age')])).toEqual(['a', 'd', 'b', 'c'])
  })

  it('pages with limit, offset and cursors', () => {
    expect(ids([SdkQuery.limit(2), SdkQuery.offset(1)])).toEqual(['b', 'c'])
    expect(ids([SdkQuery.cursorAfter('b')])).toEqual(['c', 'd'])
    expect(ids([SdkQuery.cursorBefore('d'), SdkQuery.limit(2)])).toEqual(['b', 'c'])
    expect(error(() => ids([SdkQuery.cursorAfter('zz')]))).toEqual({
      type: 'general_cursor_not_found',
      message: "Document 'zz' for the 'cursor' value not found.",
    })
    expect(error(() => ids([SdkQuery.orderAsc('age'), SdkQuery.cursorAfter('c')])).type).toBe('database_query_order_null')
  })

  it('counts the filtered total, capped', () => {
    expect(evaluateQueries(docs, check([SdkQuery.limit(1)])).total).toBe(4)
    expect(evaluateQueries(docs, check([]), { totalCap: 2 }).total).toBe(2)
    expect(evaluateQueries(docs, check([]), { total: false }).total).toBe(0)
  })
})
