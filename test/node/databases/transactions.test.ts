import { Databases, ID, Operator, Query, TablesDB } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall, signedIn } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const ATTRIBUTES = [
  { key: 'title', type: 'string', size: 32, required: true },
  { key: 'stock', type: 'integer', required: false, min: 0, max: 100 },
]
const ids = { databaseId: 'db', tableId: 'books' }
const failure = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e) => [e.code, e.type, e.message])

const setup = async (options: { now?: () => Date } = {}) => {
  emu = startNodeEmulator(options)
  await makeCollection(emu, { api: 'tablesdb', attributes: ATTRIBUTES })
  // A guest's transaction has no permissions, so only its creator's session (or a key) can use it.
  const { client } = await signedIn(emu, 'owner@example.com')
  return new TablesDB(client)
}

describe('Transactions through the official SDK', () => {
  it('stages writes invisibly, shows them to reads in the transaction, and applies them all on commit', async () => {
    const tables = await setup()
    await tables.createRow({ ...ids, rowId: 'kept', data: { title: 'Kept', stock: 5 } })
    const tx = await tables.createTransaction({ ttl: 120 })
    expect(tx).toMatchObject({ status: 'pending', operations: 0 })
    expect(Date.parse(tx.expiresAt) - Date.parse(tx.$createdAt)).toBe(120_000)
    const staged = await tables.createRow({ ...ids, rowId: 'new', data: { title: 'New' }, transactionId: tx.$id })
    expect(staged).toMatchObject({ $id: 'new', title: 'New', $sequence: '', $createdAt: '', $updatedAt: '' })
    const preview = await tables.incrementRowColumn({ ...ids, rowId: 'kept', column: 'stock', value: 2, transactionId: tx.$id })
    expect(preview.stock).toBe(7)
    await tables.updateRow({ ...ids, rowId: 'new', data: { stock: 1 }, transactionId: tx.$id })
    // Outside the transaction nothing changed; inside it, the staged writes show.
    expect((await tables.listRows(ids)).rows.map((r) => [r.$id, r.stock])).toEqual([['kept', 5]])
    const inside = await tables.listRows({ ...ids, transactionId: tx.$id })
    expect(inside.rows.map((r) => [r.$id, r.stock])).toEqual([['kept', 7], ['new', 1]])
    expect((await tables.getTransaction({ transactionId: tx.$id })).operations).toBe(3)
    const done = await tables.updateTransaction({ transactionId: tx.$id, commit: true })
    expect(done).toMatchObject({ status: 'committed', operations: 3 })
    expect((await tables.listRows(ids)).rows.map((r) => [r.$id, r.stock])).toEqual([['kept', 7], ['new', 1]])
    // A second commit is refused.
    expect(await failure(tables.updateTransaction({ transactionId: tx.$id, commit: true }))).toEqual([
      400, 'transaction_not_ready', 'The transaction is not ready yet. Please try again later.',
    ])
  })

  it('rolls back: nothing applied, status failed; stages many operations at once with createOperations', async () => {
    const tables = await setup()
    const tx = await tables.createTransaction()
    const after = await tables.createOperations({
      transactionId: tx.$id,
      operations: [
        { action: 'create', databaseId: 'db', tableId: 'books', rowId: 'a', data: { title: 'A' } },
        { action: 'update', databaseId: 'db', tableId: 'books', rowId: 'a', data: { stock: 3 } },
      ],
    })
    expect(after.operations).toBe(2)
    const rolled = await tables.updateTransaction({ transactionId: tx.$id, rollback: true })
    expect(rolled.status).toBe('failed')
    expect((await tables.listRows(ids)).total).toBe(0)
    // Its creator deletes it.
    await tables.deleteTransaction({ transactionId: tx.$id })
    expect((await failure(tables.getTransaction({ transactionId: tx.$id })))[1]).toBe('transaction_not_found')
  })

  it('fails the whole commit when one operation fails, leaving the data untouched', async () => {
    const tables = await setup()
    const tx = await tables.createTransaction()
    await tables.createRow({ ...ids, rowId: 'one', data: { title: 'One' }, transactionId: tx.$id })
    await tables.createRow({ ...ids, rowId: 'two', data: { title: 'Two', stock: 500 }, transactionId: tx.$id })
    const [code, type] = (await failure(tables.updateTransaction({ transactionId: tx.$id, commit: true }))) as unknown[]
    expect([code, type]).toEqual([400, 'document_invalid_structure'])
    expect((await tables.listRows(ids)).total).toBe(0)
    expect((await tables.getTransaction({ transactionId: tx.$id })).status).toBe('failed')
  })

  it('is a conflict when a staged row was changed by someone else after staging', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const tables = await setup({ now: () => new Date(clock) })
    await tables.createRow({ ...ids, rowId: 'r', data: { title: 'Before' } })
    clock += 1000
    const tx = await tables.createTransaction()
    await tables.updateRow({ ...ids, rowId: 'r', data: { title: 'Mine' }, transactionId: tx.$id })
    clock += 1000
    await tables.updateRow({ ...ids, rowId: 'r', data: { title: 'Theirs' } as never })
    clock += 1000
    expect(await failure(tables.updateTransaction({ transactionId: tx.$id, commit: true }))).toEqual([
      409, 'transaction_conflict', 'The transaction has a conflict. Please resolve the conflict and try again.',
    ])
    expect((await tables.getRow({ ...ids, rowId: 'r' })).title).toBe('Theirs')
  })

  it('expires after its ttl: staging and committing answer 410', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const tables = await setup({ now: () => new Date(clock) })
    const tx = await tables.createTransaction({ ttl: 60 })
    clock += 61_000
    const expired = [410, 'transaction_expired', 'The transaction has expired. Please create a new transaction and try again.']
    expect(await failure(tables.createRow({ ...ids, rowId: 'x', data: { title: 'X' } as never, transactionId: tx.$id }))).toEqual(expired)
    expect(await failure(tables.updateTransaction({ transactionId: tx.$id, commit: true }))).toEqual(expired)
    // An hour later, creating another transaction clears the expired one away.
    clock += 3_600_000
    await tables.createTransaction()
    expect((await tables.listTransactions()).transactions.map((t) => t.$id)).not.toContain(tx.$id)
    expect(await failure(tables.createTransaction({ ttl: 30 }))).toEqual([
      400, 'general_argument_invalid', 'Invalid `ttl` param: Value must be a valid range between 60 and 3,600',
    ])
  })

  it('enforces the 100-operation limit and the shape of createOperations entries', async () => {
    const tables = await setup()
    const tx = await tables.createTransaction()
    const op = (i: number) => ({ action: 'create', databaseId: 'db', tableId: 'books', rowId: `r${i}`, data: { title: `R${i}` } })
    await tables.createOperations({ transactionId: tx.$id, operations: Array.from({ length: 99 }, (_, i) => op(i)) })
    expect(await failure(tables.createOperations({ transactionId: tx.$id, operations: [op(99), op(100)] }))).toEqual([
      400, 'transaction_limit_exceeded', 'Transaction already has 99 operations, adding 2 would exceed the maximum of 100',
    ])
    expect(await failure(tables.createOperations({ transactionId: tx.$id, operations: [] }))).toEqual([
      400, 'general_bad_request', 'Operations array cannot be empty',
    ])
    const [, type, message] = (await failure(
      tables.createOperations({ transactionId: tx.$id, operations: [{ action: 'explode', databaseId: 'db', tableId: 'books' }] }),
    )) as string[]
    expect(type).toBe('general_argument_invalid')
    expect(message).toContain("Key 'action' must be one of: create, update, upsert, delete")
    expect(await failure(tables.createOperations({ transactionId: tx.$id, operations: [{ action: 'update', databaseId: 'db', tableId: 'books', rowId: 'nope', data: {} }] }))).toEqual([
      404, 'document_not_found', "Document with the requested ID 'nope' could not be found.",
    ])
    await tables.createOperations({ transactionId: tx.$id, operations: [op(99)] })
    await tables.updateTransaction({ transactionId: tx.$id, commit: true })
    expect((await tables.listRows({ ...ids, queries: [Query.limit(200)] })).total).toBe(100)
  })

  it('belongs to its creator: another user sees 404, lists only their own, cannot delete it', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { api: 'tablesdb', attributes: ATTRIBUTES })
    const alice = await signedIn(emu, 'alice@example.com')
    const tx = await new TablesDB(alice.client).createTransaction()
    expect((await new TablesDB(alice.client).listTransactions()).total).toBe(1)
    const bob = await signedIn(emu, 'bob@example.com')
    expect(await failure(new TablesDB(bob.client).getTransaction({ transactionId: tx.$id }))).toEqual([
      404, 'transaction_not_found', `Transaction with the requested ID '${tx.$id}' could not be found.`,
    ])
    expect((await new TablesDB(bob.client).listTransactions()).total).toBe(0)
    const keyList = await serverCall(emu, 'GET', '/tablesdb/transactions')
    expect(keyList.body.total).toBe(1)
    // Deleting it: Bob cannot reach it, a key can; then it is gone for everyone.
    expect((await failure(new TablesDB(bob.client).deleteTransaction({ transactionId: tx.$id })))[1]).toBe('transaction_not_found')
    expect((await serverCall(emu, 'DELETE', `/tablesdb/transactions/${tx.$id}`)).status).toBe(204)
    expect((await serverCall(emu, 'GET', `/tablesdb/transactions/${tx.$id}`)).status).toBe(404)
  })

  it('commits through the Databases facade too, and announces the committed writes as events', async () => {
    const events: string[] = []
    emu = startNodeEmulator({ onEvents: (batch) => events.push(...batch.flatMap((e) => e.events)) })
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const databases = new Databases((await signedIn(emu, 'owner@example.com')).client)
    const tx = await databases.createTransaction()
    const c = { databaseId: 'db', collectionId: 'books' }
    await databases.createDocument({ ...c, documentId: 'd1', data: { title: 'D1' }, transactionId: tx.$id })
    await databases.upsertDocument({ ...c, documentId: ID.custom('d2'), data: { title: 'D2' }, transactionId: tx.$id })
    await databases.deleteDocument({ ...c, documentId: 'd1', transactionId: tx.$id })
    expect(events.filter((e) => e.includes('.documents.'))).toEqual([])
    await databases.updateTransaction({ transactionId: tx.$id, commit: true })
    expect((await databases.listDocuments(c)).documents.map((d) => d.$id)).toEqual(['d2'])
    expect(events).toEqual(expect.arrayContaining(['databases.db.collections.books.documents.d1.create', 'databases.db.collections.books.documents.d1.delete']))
  })

  it('replays operators and nested related documents at commit, like the routes they were staged on', async () => {
    const tables = await setup()
    await serverCall(emu, 'POST', '/tablesdb/db/tables', { tableId: 'shelves', name: 'shelves', permissions: ['read("any")', 'create("any")', 'update("any")', 'delete("any")'], columns: [{ key: 'label', type: 'string', size: 16, required: false }] })
    await serverCall(emu, 'POST', '/tablesdb/db/tables/shelves/columns/relationship', { relatedTableId: 'books', type: 'oneToMany', twoWay: true, key: 'books', twoWayKey: 'shelf' })
    await tables.createRow({ ...ids, rowId: 'kept', data: { title: 'Kept', stock: 5 } })
    const tx = await tables.createTransaction()
    await tables.updateRow({ ...ids, rowId: 'kept', data: { stock: Operator.increment(3) } as never, transactionId: tx.$id })
    await tables.createRow({ databaseId: 'db', tableId: 'shelves', rowId: 's1', data: { label: 'S1', books: [{ $id: 'nested', title: 'Nested' }, 'kept'] }, transactionId: tx.$id })
    expect((await tables.listRows(ids)).total).toBe(1)
    await tables.updateTransaction({ transactionId: tx.$id, commit: true })
    const rows = await tables.listRows({ ...ids, queries: [Query.orderAsc('title')] })
    expect(rows.rows.map((r) => [r.$id, r.stock, r.shelf])).toEqual([['kept', 8, 's1'], ['nested', null, 's1']])
  })
})
