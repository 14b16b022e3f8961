import { Databases } from 'appwrite'
import { afterEach, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const ids = { databaseId: 'db', collectionId: 'books' }
const bulk = (documents: object[]) => serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documents })
const sequences = async () =>
  (await new Databases(emu.client()).listDocuments(ids)).documents.map((d) => [d.$id, d.$sequence])

// Inserts take their `$sequence` from a reservation kept in memory (no read before the records are sent); these
// are the cases where the reservation is wrong, and each must still give what reading the store gives.
it('keeps $sequence the highest stored plus one after failed, concurrent and deleted inserts', async () => {
  emu = startNodeEmulator()
  await makeCollection(emu, {
    attributes: [{ key: 'title', type: 'string', size: 32, required: true }],
    indexes: [{ key: 'unique_title', type: 'unique', attributes: ['title'] }],
  })
  expect((await bulk([{ $id: 'a', title: 'A' }, { $id: 'b', title: 'B' }])).status).toBe(201)
  // A batch refused by the unique index uses up no sequence.
  const refused = await bulk([{ $id: 'c', title: 'C' }, { $id: 'd', title: 'A' }])
  expect([refused.status, refused.body.type]).toEqual([409, 'document_unique_constraint_violation'])
  // An existing ID is still told apart from a unique index collision.
  const taken = await bulk([{ $id: 'A', title: 'Z' }])
  expect([taken.status, taken.body.type]).toEqual([409, 'document_already_exists'])
  expect((await bulk([{ $id: 'e', title: 'E' }])).status).toBe(201)
  expect(await sequences()).toEqual([['a', '1'], ['b', '2'], ['e', '3']])
  // Batches in flight together get consecutive, distinct sequences.
  const batches = await Promise.all([0, 1, 2, 3].map((b) => bulk([0, 1, 2].map((i) => ({ $id: `p${b}${i}`, title: `P${b}${i}` })))))
  expect(batches.map((r) => r.status)).toEqual([201, 201, 201, 201])
  const all = (await sequences()).map(([, seq]) => Number(seq))
  expect(all).toEqual(Array.from({ length: 15 }, (_, i) => i + 1))
  // Deleting the newest document frees its sequence, as reading the store gives it.
  expect((await serverCall(emu, 'DELETE', '/databases/db/collections/books/documents/p32')).status).toBe(204)
  expect((await bulk([{ $id: 'f', title: 'F' }])).body.documents[0].$sequence).toBe('15')
  // After a reset the collection starts again at 1.
  await emu.engine.reset(emu.projectId)
  await makeCollection(emu, { attributes: [{ key: 'title', type: 'string', size: 32, required: true }] })
  expect((await bulk([{ $id: 'g', title: 'G' }])).body.documents[0].$sequence).toBe('1')
})
