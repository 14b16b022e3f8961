import Dexie from 'dexie'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateQueries } from '../evaluate.js'
import type { Query } from '../types.js'
import { type PhysicalIndex, type StoredDocument, documentsSchema, toStored } from './layout.js'
import { queryDocuments } from './execute.js'

/**
 * The planner must answer exactly as the reference evaluator does, whatever the documents and queries:
 * random collections (with NULLs, case and accent variants, ties) and random valid queries.
 */
const INDEXES: PhysicalIndex[] = [
  { slot: 'x0', type: 'key', attributes: ['age'] },
  { slot: 'x1', type: 'key', attributes: ['name', 'age'] },
  { slot: 'x2', type: 'key', attributes: ['active', 'born'] },
  { slot: 'x3', type: 'key', attributes: ['score'] },
  { slot: 'u0', type: 'unique', attributes: ['code'] },
  { slot: 't0', type: 'fulltext', attributes: ['bio'] },
]

const names = ['a', 'A', 'ab', 'Ab ', 'b', 'B', 'é', 'e', 'zed']
const dates = ['2020-01-01T00:00:00.000+00:00', '2021-06-01T12:00:00.000+00:00', '2022-03-04T05:06:07.890+00:00']
const words = ['alpha', 'beta', 'gamma', 'alphabet', 'delta']

const docArb = fc.record({
  name: fc.option(fc.constantFrom(...names), { nil: null }),
  age: fc.option(fc.integer({ min: -2, max: 4 }), { nil: null }),
  score: fc.option(fc.constantFrom(-1.5, 0, 0.25, 2, 7.75), { nil: null }),
  active: fc.option(fc.boolean(), { nil: null }),
  born: fc.option(fc.constantFrom(...dates), { nil: null }),
  tags: fc.option(fc.uniqueArray(fc.constantFrom('x', 'y', 'z', 'X'), { maxLength: 3 }), { nil: null }),
  bio: fc.option(fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join(' ')), { nil: null }),
})

const valuesOf: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.constantFrom(...names),
  age: fc.integer({ min: -2, max: 4 }),
  score: fc.constantFrom(-1.5, 0, 0.25, 2, 7.75, 1),
  active: fc.boolean(),
  born: fc.constantFrom(...dates),
  $createdAt: fc.constantFrom(...dates),
}
const scalar = fc.constantFrom('name', 'age', 'score', 'active', 'born', '$createdAt')

const q = (method: string, attribute: string, values: unknown[] = []): Query => ({ method, attribute, values })
const filterArb: fc.Arbitrary<Query> = fc.oneof(
  scalar.chain((a) => fc.array(valuesOf[a], { minLength: 1, maxLength: 3 }).map((v) => q('equal', a, v))),
  scalar.chain((a) => valuesOf[a].map((v) => q('notEqual', a, [v]))),
  scalar.chain((a) =>
    fc.tuple(fc.constantFrom('lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual'), valuesOf[a]).map(([m, v]) => q(m, a, [v])),
  ),
  scalar.chain((a) => fc.tuple(fc.constantFrom('between', 'notBetween'), valuesOf[a], valuesOf[a]).map(([m, x, y]) => q(m, a, [x, y]))),
  fc.tuple(fc.constantFrom('isNull', 'isNotNull'), fc.constantFrom('name', 'age', 'tags', 'born')).map(([m, a]) => q(m, a)),
  fc.tuple(fc.constantFrom('startsWith', 'endsWith', 'contains', 'notStartsWith'), fc.constantFrom('a', 'A', 'b', 'e', 'é')).map(([m, v]) => q(m, 'name', [v])),
  fc.tuple(fc.constantFrom('contains', 'notContains'), fc.constantFrom('x', 'X', 'y')).map(([m, v]) => q(m, 'tags', [v])),
  fc.constantFrom('alp', 'beta', 'gamma delta', '"alpha beta"', '-').map((t) => q('search', 'bio', [t])),
  fc.tuple(scalar, scalar).chain(([a, b]) =>
    fc.tuple(valuesOf[a], valuesOf[b]).map(([x, y]) => q('or', '', [q('equal', a, [x]), q('lessThan', b, [y])])),
  ),
)

const orderArb = fc.array(
  fc.tuple(fc.constantFrom('orderAsc', 'orderDesc'), fc.constantFrom('name', 'age', 'score', 'active', 'born', '$createdAt', '$id')),
  { maxLength: 2 },
)

let db: Dexie
beforeAll(async () => {
  db = new Dexie('planner-property', { indexedDB, IDBKeyRange })
  db.version(1).stores({ documents: documentsSchema })
  await db.open()
})
afterAll(() => db.delete())

const load = async (docs: Array<Record<string, unknown>>) => {
  await db.table('documents').clear()
  const full = docs.map((d, i) => ({
    ...d,
    $id: `doc${i}`,
    $sequence: i + 1,
    // A unique attribute: distinct or NULL.
    code: i % 3 === 0 ? null : `c${i}`,
    $createdAt: dates[i % dates.length],
    $updatedAt: dates[0],
  }))
  const rows: StoredDocument[] = full.map((d) => toStored(1, d, INDEXES))
  // Another collection with the same indexes must never leak into results.
  rows.push(...full.map((d) => toStored(2, { ...d }, INDEXES)))
  await db.table('documents').bulkPut(rows)
  return full
}

const outcome = async (run: () => Promise<{ total: number; records: Array<Record<string, unknown>> }> | { total: number; records: Array<Record<string, unknown>> }) => {
  try {
    const r = await run()
    return { total: r.total, ids: r.records.map((d) => d.$id) }
  } catch (error) {
    return { error: (error as { type?: string }).type ?? String(error) }
  }
}

describe('Dexie planner vs the reference evaluator', () => {
  it('returns the same page and total for random documents and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 40 }),
        fc.array(filterArb, { maxLength: 2 }),
        orderArb,
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom('cursorAfter', 'cursorBefore'), fc.integer({ min: 0, max: 99 })), { nil: undefined }),
        async (docs, filters, orders, limit, offset, cursor) => {
          const full = await load(docs)
          const queries: Query[] = [...filters, ...orders.map(([m, a]) => q(m, a))]
          if (limit !== undefined) queries.push(q('limit', '', [limit]))
          if (offset !== undefined) queries.push(q('offset', '', [offset]))
          // Mostly existing documents; now and then one that does not exist.
          if (cursor) queries.push(q(cursor[0], '', [`doc${cursor[1] < 95 ? cursor[1] % full.length : 999}`]))
          const expected = await outcome(() => evaluateQueries(full, queries))
          const actual = await outcome(() => queryDocuments({ table: db.table('documents'), cid: 1, indexes: INDEXES, queries }))
          expect(actual).toEqual(expected)
        },
      ),
      { numRuns: 200 },
    )
  }, 120_000)

  it('finds by the unique slot and by $id exactly', async () => {
    const full = await load(Array.from({ length: 10 }, (_, i) => ({ name: `n${i}`, age: i })))
    const queries = [q('equal', 'code', ['c4'])]
    const stats = { examined: 0, index: '' }
    const result = await queryDocuments({ table: db.table('documents'), cid: 1, indexes: INDEXES, queries, stats })
    expect(result.records.map((d) => d.$id)).toEqual(['doc4'])
    expect(stats).toEqual({ examined: 1, index: 'u0' })
    const byId = await queryDocuments({ table: db.table('documents'), cid: 1, indexes: INDEXES, queries: [q('equal', '$id', ['DOC7', 'doc2'])], stats })
    expect(byId.records.map((d) => d.$id)).toEqual(evaluateQueries(full, [q('equal', '$id', ['DOC7', 'doc2'])]).records.map((d) => d.$id))
  })
})
