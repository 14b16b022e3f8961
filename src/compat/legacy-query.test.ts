import { describe, expect, it } from 'vitest'
import { parseQuery } from '../query/parse.js'
import { LegacyQueryError, legacyQueryToJson } from './legacy-query.js'

const read = (text: string) => parseQuery(legacyQueryToJson(text))

describe('the query syntax of SDKs 11–14', () => {
  // Each string is what SDK 13's `Query` helper writes (`Query.equal('accountId', ['a1', 'a2'])`, …).
  it('reads every helper of SDK 13 as the JSON query of today', () => {
    expect(read('equal("accountId", ["a1","a2"])')).toEqual({ method: 'equal', attribute: 'accountId', values: ['a1', 'a2'] })
    expect(read('equal("n", [5])')).toEqual({ method: 'equal', attribute: 'n', values: [5] })
    expect(read('notEqual("done", [false])')).toEqual({ method: 'notEqual', attribute: 'done', values: [false] })
    expect(read('lessThan("score", [1.5])')).toEqual({ method: 'lessThan', attribute: 'score', values: [1.5] })
    expect(read('greaterThanEqual("$createdAt", ["2024-01-01"])')).toMatchObject({ values: ['2024-01-01'] })
    expect(read('search("title", ["hello world"])')).toEqual({ method: 'search', attribute: 'title', values: ['hello world'] })
    expect(read('isNull("x")')).toEqual({ method: 'isNull', attribute: 'x', values: [] })
    expect(read('between("n", 1, 5)')).toEqual({ method: 'between', attribute: 'n', values: [1, 5] })
    expect(read('startsWith("name", ["An"])')).toEqual({ method: 'startsWith', attribute: 'name', values: ['An'] })
    expect(read('select(["name","$id"])')).toEqual({ method: 'select', attribute: '', values: ['name', '$id'] })
    expect(read('orderDesc("$createdAt")')).toEqual({ method: 'orderDesc', attribute: '$createdAt', values: [] })
    expect(read('orderAsc("")')).toEqual({ method: 'orderAsc', attribute: '$sequence', values: [] })
    expect(read('limit(25)')).toEqual({ method: 'limit', attribute: '', values: [25] })
    expect(read('offset(0)')).toEqual({ method: 'offset', attribute: '', values: [0] })
    expect(read('cursorAfter("doc1")')).toEqual({ method: 'cursorAfter', attribute: '', values: ['doc1'] })
  })

  it('reads SDK 11’s between, which sends both ends as one array', () => {
    expect(read('between("n", [1,5])')).toEqual({ method: 'between', attribute: 'n', values: [1, 5] })
  })

  it('keeps commas, spaces and brackets inside strings, and honours backslash escapes', () => {
    expect(read('equal("title", ["a, b [c]", "d"])')).toMatchObject({ values: ['a, b [c]', 'd'] })
    expect(read('equal("title", ["say \\"hi\\""])')).toMatchObject({ values: ['say "hi"'] })
    expect(read("equal('title', ['single'])")).toMatchObject({ attribute: 'title', values: ['single'] })
    expect(read('equal("k", [null, true])')).toMatchObject({ values: [null, true] })
  })

  it('keeps 64-bit integers exact', () => {
    expect(read('equal("big", [9007199254740993])').values).toEqual([9007199254740993n])
  })

  it('refuses what Appwrite refuses, with its messages', () => {
    expect(() => legacyQueryToJson('limit')).toThrow(new LegacyQueryError('Invalid query'))
    expect(() => legacyQueryToJson('collection.equal("a", [1])')).toThrow(new LegacyQueryError('Invalid query method'))
    expect(() => read('regex("a", ["b"])')).toThrow('Invalid query method: regex')
  })
})
