import { Query } from 'appwrite'
import { describe, expect, it } from 'vitest'
import { phpCompare } from './php-compare.js'
import type { RealtimeError } from './realtime-error.js'
import { matchesRuntimeQueries, parseRealtimeQueries, queryToString } from './runtime-query.js'

const passes = (queries: string[], payload: Record<string, unknown>) =>
  matchesRuntimeQueries(parseRealtimeQueries(queries), payload)

const failure = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return { code: (error as RealtimeError).code, message: (error as Error).message }
  }
  throw new Error('expected an error')
}

describe('realtime queries', () => {
  const doc = { $id: 'd1', title: 'Hello', score: 7, done: false, tag: null, tags: ['a'] }

  it('passes everything without queries or with select("*")', () => {
    expect(passes([], doc)).toBe(true)
    expect(passes([Query.select(['*']), Query.equal('title', 'nope')], doc)).toBe(true)
  })

  it('compares strictly for equal and notEqual', () => {
    expect(passes([Query.equal('title', ['Hello'])], doc)).toBe(true)
    expect(passes([Query.equal('title', ['hello'])], doc)).toBe(false)
    expect(passes([Query.equal('score', ['7'])], doc)).toBe(false)
    expect(passes([Query.equal('score', [1, 7])], doc)).toBe(true)
    expect(passes([Query.notEqual('title', 'Hello')], doc)).toBe(false)
    expect(passes([Query.equal('done', [false])], doc)).toBe(true)
  })

  it('orders with PHP comparisons', () => {
    expect(passes([Query.greaterThan('score', 5)], doc)).toBe(true)
    expect(passes([Query.lessThanEqual('score', 7)], doc)).toBe(true)
    expect(passes([Query.lessThan('score', 7)], doc)).toBe(false)
    expect(phpCompare('10', '9')).toBeGreaterThan(0)
    expect(phpCompare('abc', 'abd')).toBeLessThan(0)
    expect(phpCompare(5, '5')).toBe(0)
  })

  it('treats a missing attribute as no match, even for isNull', () => {
    expect(passes([Query.isNull('tag')], doc)).toBe(true)
    expect(passes([Query.isNull('missing')], doc)).toBe(false)
    expect(passes([Query.isNotNull('title')], doc)).toBe(true)
  })

  it('ANDs the queries of a subscription and nests and/or', () => {
    expect(passes([Query.equal('title', 'Hello'), Query.greaterThan('score', 10)], doc)).toBe(false)
    expect(passes([Query.or([Query.equal('title', 'x'), Query.greaterThan('score', 5)])], doc)).toBe(true)
    expect(passes([Query.and([Query.equal('title', 'Hello'), Query.equal('done', true)])], doc)).toBe(false)
  })

  it('refuses methods realtime does not support, with Appwrite messages', () => {
    expect(failure(() => parseRealtimeQueries([Query.limit(5)]))).toEqual({
      code: 1003,
      message:
        "Invalid query: Query method 'limit' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select",
    })
    expect(failure(() => parseRealtimeQueries(['{bad']))).toEqual({ code: 1003, message: 'Invalid query: Invalid query: Syntax error' })
    expect(failure(() => parseRealtimeQueries([Query.or([Query.search('title', 'x')])])).message).toContain("'search'")
    expect(failure(() => parseRealtimeQueries([Query.select(['title'])]))).toEqual({ code: 0, message: 'Error: Server Error' })
  })

  it('writes queries back as Appwrite does', () => {
    expect(parseRealtimeQueries([Query.select(['*'])]).map(queryToString)).toEqual(['{"method":"select","values":["*"]}'])
    expect(parseRealtimeQueries([Query.equal('a', 1)]).map(queryToString)).toEqual(['{"method":"equal","attribute":"a","values":[1]}'])
  })
})
