import { Databases, Query } from 'appwrite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lastQueryPlan } from '../../../src/services/databases/index.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall } from './support.js'

/**
 * Indexed queries are answered through IndexedDB indexes: the proof is the number of documents read to
 * answer them, which stays near the page size however large the collection is.
 */
const COUNT = 3000
let emu: NodeEmulator

beforeAll(async () => {
  emu = startNodeEmulator()
  await makeCollection(emu, {
    attributes: [
      { key: 'category', type: 'string', size: 16, required: true },
      { key: 'price', type: 'integer', required: true },
      { key: 'note', type: 'string', size: 32, required: false },
    ],
    indexes: [
      { key: 'by_category', type: 'key', attributes: ['category'] },
      { key: 'by_price', type: 'key', attributes: ['price'] },
      { key: 'by_category_price', type: 'key', attributes: ['category', 'price'] },
    ],
  })
  for (let batch = 0; batch < COUNT / 100; batch++) {
    const documents = Array.from({ length: 100 }, (_, i) => {
      const n = batch * 100 + i
      return { $id: `d${n}`, category: `c${n % 30}`, price: (n * 7919) % 10000, note: `note ${n}` }
    })
    const res = await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documents })
    if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  }
}, 120_000)
afterAll(() => emu.close())

const list = async (queries: string[]) => {
  const result = await new Databases(emu.client()).listDocuments({ databaseId: 'db', collectionId: 'books', queries })
  const plan = lastQueryPlan(await emu.engine.store(emu.projectId))
  return { ...result, plan }
}

describe(`indexed queries over ${COUNT} documents`, () => {
  it('equal on an indexed attribute reads only the page', async () => {
    const { total, documents, plan } = await list([Query.equal('category', 'c7'), Query.limit(25)])
    expect(total).toBe(COUNT / 30)
    expect(documents).toHaveLength(25)
    expect(documents.every((d) => d.category === 'c7')).toBe(true)
    expect(plan?.index).not.toBe(':id')
    expect(plan?.examined).toBeLessThanOrEqual(26)
  })

  it('a range ordered descending reads only the page', async () => {
    const { total, documents, plan } = await list([Query.between('price', 1000, 5000), Query.orderDesc('price'), Query.limit(10)])
    const prices = documents.map((d) => d.price as number)
    expect(prices).toEqual([...prices].sort((a, b) => b - a))
    expect(prices[0]).toBeLessThanOrEqual(5000)
    expect(total).toBeGreaterThan(1000)
    expect(plan?.examined).toBeLessThanOrEqual(11)
  })

  it('equal plus order on a compound index, paged with cursors', async () => {
    const first = await list([Query.equal('category', 'c3'), Query.orderDesc('price'), Query.limit(20)])
    expect(first.plan?.examined).toBeLessThanOrEqual(21)
    const cursor = first.documents[first.documents.length - 1].$id
    const second = await list([Query.equal('category', 'c3'), Query.orderDesc('price'), Query.limit(20), Query.cursorAfter(cursor)])
    // The page, the cursor document, the cursor's own key in the index, and one to close the last run.
    expect(second.plan?.examined).toBeLessThanOrEqual(23)
    expect(second.documents[0].price).toBeLessThanOrEqual(first.documents[19].price as number)
    expect(new Set([...first.documents, ...second.documents].map((d) => d.$id)).size).toBe(40)
  })

  it('the default order, $createdAt and $id pages come from the primary key and their indexes', async () => {
    const { plan } = await list([Query.limit(25), Query.offset(100)])
    expect(plan?.examined).toBeLessThanOrEqual(126)
    const newest = await list([Query.orderDesc('$createdAt'), Query.limit(5)])
    expect(newest.plan?.index).toBe('xc')
    expect(newest.plan?.examined).toBeLessThanOrEqual(6)
    const byId = await list([Query.orderDesc('$id'), Query.limit(5)])
    expect(byId.plan).toEqual({ index: 'k', examined: 5 })
    expect(byId.documents.map((d) => d.$id)).toEqual(['d999', 'd998', 'd997', 'd996', 'd995'])
  })

  it('an unindexed filter has to read the collection (for reference)', async () => {
    const { total, plan } = await list([Query.equal('note', 'note 42')])
    expect(total).toBe(1)
    expect(plan?.examined).toBe(COUNT)
  })
})
