import { Databases, Operator, TablesDB } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const ATTRIBUTES = [
  { key: 'title', type: 'string', size: 12, required: true },
  { key: 'count', type: 'integer', required: false },
  { key: 'price', type: 'float', required: false },
  { key: 'big', type: 'integer', required: false, min: 0, max: 9_000_000_000 },
  { key: 'tags', type: 'string', size: 8, required: false, array: true },
  { key: 'scores', type: 'integer', required: false, array: true },
  { key: 'done', type: 'boolean', required: false },
  { key: 'due', type: 'datetime', required: false },
]
const failure = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e) => [e.code, e.type, e.message])

describe('Operators through the official SDK', () => {
  it('applies every family of operator on update (Databases) and upsert (TablesDB), answering the new values', async () => {
    emu = startNodeEmulator({ now: () => new Date('2026-05-01T10:00:00.000Z') })
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const databases = new Databases(emu.client())
    const at = { databaseId: 'db', collectionId: 'books' }
    const created = await databases.createDocument({
      ...at, documentId: 'd', data: { title: 'Dune', count: 10, price: 9, tags: ['a', 'b', 'a'], scores: [1, 5, 9], done: false, due: '2026-01-30' },
    })
    // On create, operator strings are plain values.
    expect(created.title).toBe('Dune')
    const updated = await databases.updateDocument({
      ...at,
      documentId: 'd',
      data: {
        count: Operator.increment(5, 100), price: Operator.multiply(1.5), tags: Operator.arrayUnique(), scores: Operator.arrayFilter('greaterThan' as never, 3),
        title: Operator.stringConcat('!'), done: Operator.toggle(), due: Operator.dateAddDays(3),
      },
    })
    expect(updated).toMatchObject({ count: 15, price: 13.5, tags: ['a', 'b'], scores: [5, 9], title: 'Dune!', done: true, due: '2026-02-02T00:00:00.000+00:00' })
    expect(updated.$updatedAt).toBe('2026-05-01T10:00:00.000+00:00')
    const capped = await databases.updateDocument({ ...at, documentId: 'd', data: { count: Operator.increment(100, 20), tags: Operator.arrayInsert(1, 'z') } })
    expect([capped.count, capped.tags]).toEqual([15, ['a', 'z', 'b']])
    const more = await databases.updateDocument({
      ...at, documentId: 'd',
      data: { count: Operator.modulo(4), scores: Operator.arrayAppend([7]), tags: Operator.arrayRemove('z'), title: Operator.stringReplace('!', '?'), due: Operator.dateSetNow() },
    })
    expect(more).toMatchObject({ count: 3, scores: [5, 9, 7], tags: ['a', 'b'], title: 'Dune?', due: '2026-05-01T10:00:00.000+00:00' })
    expect(await databases.getDocument({ ...at, documentId: 'd' })).toEqual(more)

    const tables = new TablesDB(emu.client())
    const row = await tables.upsertRow({ databaseId: 'db', tableId: 'books', rowId: 'new', data: { title: 'New', count: Operator.decrement(2), tags: Operator.arrayPrepend(['x']) } })
    expect([row.count, row.tags]).toEqual([-2, ['x']])
    const again = await tables.upsertRow({ databaseId: 'db', tableId: 'books', rowId: 'new', data: { title: 'New', count: Operator.power(2), scores: Operator.arrayDiff([]) } })
    expect([again.count, again.tags, again.scores]).toEqual([4, ['x'], []])
  })

  it("refuses what Appwrite refuses, with its types and messages, and changes nothing", async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { api: 'tablesdb', attributes: ATTRIBUTES })
    const tables = new TablesDB(emu.client())
    const at = { databaseId: 'db', tableId: 'books', rowId: 'r' }
    await tables.createRow({ ...at, data: { title: 'Row', count: 2147483640, tags: ['a'] } })
    const update = (data: object) => failure(tables.updateRow({ ...at, data: data as never }))
    const structure = (message: string) => [400, 'row_invalid_structure', `Invalid document structure: ${message}`]
    expect(await update({ title: Operator.increment(1) })).toEqual(structure("Cannot apply increment to non-numeric field 'title'"))
    expect(await update({ count: Operator.increment(10) })).toEqual(structure("Attribute 'count': invalid type, value must be less than or equal to 2147483647"))
    expect(await update({ count: '{"method":"divide","values":[0]}' })).toEqual(structure('Division by zero is not allowed'))
    expect(await update({ nope: Operator.toggle() })).toEqual(structure('Unknown attribute: "nope"'))
    expect(await update({ tags: Operator.arrayInsert(5, 'b') })).toEqual(structure('Insert index 5 is out of bounds for array of length 1'))
    expect(await update({ title: Operator.stringConcat('0123456789') })).toEqual(structure("Attribute 'title': invalid type, value must be no longer than 12 characters"))
    expect(await update({ count: '{"method":"increment","values":5}' })).toEqual([
      400, 'general_bad_request', 'Invalid operator for attribute "count": Invalid operator values. Must be an array',
    ])
    // A failed request changed nothing: the whole update is refused even when another key was fine.
    expect(await update({ tags: Operator.arrayAppend(['b']), title: Operator.toggle() })).toEqual(structure("Cannot apply toggle to non-boolean field 'title'"))
    const row = await tables.getRow(at)
    expect([row.count, row.tags, row.title]).toEqual([2147483640, ['a'], 'Row'])
  })

  it('counts every one of many concurrent increments, and applies operators in bulk updates', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const databases = new Databases(emu.client())
    const at = { databaseId: 'db', collectionId: 'books' }
    await databases.createDocument({ ...at, documentId: 'c', data: { title: 'C', count: 0 } })
    await Promise.all(Array.from({ length: 25 }, () => databases.updateDocument({ ...at, documentId: 'c', data: { count: Operator.increment(2) } })))
    expect((await databases.getDocument({ ...at, documentId: 'c' })).count).toBe(50)
    await databases.createDocument({ ...at, documentId: 'e', data: { title: 'E', count: 1 } })
    const bulk = await serverCall(emu, 'PATCH', '/databases/db/collections/books/documents', { data: { count: Operator.multiply(3), tags: Operator.arrayAppend(['n']) } })
    expect(bulk.status).toBe(200)
    expect(bulk.body.documents.map((d: { $id: string; count: number; tags: string[] }) => [d.$id, d.count, d.tags])).toEqual([
      ['c', 150, ['n']], ['e', 3, ['n']],
    ])
  })
})
