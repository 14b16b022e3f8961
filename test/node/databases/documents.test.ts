import { Databases, ID, Permission, Role, TablesDB } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const ATTRIBUTES = [
  { key: 'title', type: 'string', size: 32, required: true },
  { key: 'pages', type: 'integer', required: false, min: 0, max: 5000 },
  { key: 'price', type: 'float', required: false },
  { key: 'tags', type: 'string', size: 16, required: false, array: true },
  { key: 'published', type: 'datetime', required: false },
  { key: 'status', type: 'enum', elements: ['draft', 'live'], required: false, default: 'draft' },
  { key: 'contact', type: 'email', required: false },
]
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/

describe('Documents through the official SDK (Databases)', () => {
  it('creates, gets, lists, updates, upserts and deletes documents', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const databases = new Databases(emu.client())
    const ids = { databaseId: 'db', collectionId: 'books' }
    const doc = await databases.createDocument({ ...ids, documentId: ID.unique(), data: { title: 'Dune', pages: 412, published: '1965-08-01' } })
    expect(doc.$id).toMatch(/^[0-9a-f]{20}$/)
    expect(doc).toMatchObject({
      $sequence: '1', $collectionId: 'books', $databaseId: 'db', $permissions: [],
      title: 'Dune', pages: 412, price: null, tags: [], status: 'draft', published: '1965-08-01T00:00:00.000+00:00',
    })
    expect(doc.$createdAt).toMatch(DATE)
    expect(doc.$updatedAt).toBe(doc.$createdAt)
    const got = await databases.getDocument({ ...ids, documentId: doc.$id })
    expect(got).toEqual(doc)
    const selected = await databases.getDocument({ ...ids, documentId: doc.$id, queries: ['{"method":"select","values":["title"]}'] })
    expect(Object.keys(selected).sort()).toEqual(['$collectionId', '$createdAt', '$databaseId', '$id', '$permissions', '$sequence', '$updatedAt', 'title'])
    await databases.createDocument({ ...ids, documentId: 'second', data: { title: 'Emma' } })
    const list = await databases.listDocuments(ids)
    expect(list.total).toBe(2)
    expect(list.documents.map((d) => d.$sequence)).toEqual(['1', '2'])
    // Partial update: other attributes keep their values; permissions omitted keeps them.
    const updated = await databases.updateDocument({ ...ids, documentId: 'second', data: { pages: 10 } })
    expect(updated).toMatchObject({ title: 'Emma', pages: 10, $sequence: '2' })
    // Upsert of an existing document answers 200 and keeps optional attributes not sent.
    const upserted = await databases.upsertDocument({ ...ids, documentId: 'second', data: { title: 'Emma 2' } })
    expect(upserted).toMatchObject({ title: 'Emma 2', pages: 10 })
    const fresh = await databases.upsertDocument({ ...ids, documentId: 'third', data: { title: 'New' } })
    expect(fresh.$sequence).toBe('3')
    await databases.deleteDocument({ ...ids, documentId: 'second' })
    const missing = await databases.getDocument({ ...ids, documentId: 'second' }).catch((e) => e)
    expect([missing.code, missing.type, missing.message]).toEqual([404, 'document_not_found', "Document with the requested ID 'second' could not be found."])
  })

  it('validates structure with Appwrite messages', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const databases = new Databases(emu.client())
    const create = (data: object) =>
      databases.createDocument({ databaseId: 'db', collectionId: 'books', documentId: ID.unique(), data }).catch((e) => [e.type, e.message])
    expect(await create({ pages: 1 })).toEqual(['document_invalid_structure', 'Invalid document structure: Missing required attribute "title"'])
    expect(await create({ title: 'x', nope: 1 })).toEqual(['document_invalid_structure', 'Invalid document structure: Unknown attribute: "nope"'])
    expect(await create({ title: 'x', pages: 'ten' })).toEqual([
      'document_invalid_structure',
      'Invalid document structure: Attribute "pages" has invalid format. Value must be a valid signed 32-bit integer between -2,147,483,648 and 2,147,483,647',
    ])
    expect(await create({ title: 'x', pages: 9000 })).toEqual([
      'document_invalid_structure',
      'Invalid document structure: Attribute "pages" has invalid format. Value must be a valid range between 0 and 5,000',
    ])
    expect(await create({ title: 'x'.repeat(33) })).toEqual([
      'document_invalid_structure',
      'Invalid document structure: Attribute "title" has invalid type. Value must be a valid string and no longer than 32 chars',
    ])
    expect(await create({ title: 'x', tags: 'a' })).toEqual(['document_invalid_structure', 'Invalid document structure: Attribute "tags" must be an array'])
    expect(await create({ title: 'x', status: 'gone' })).toEqual([
      'document_invalid_structure',
      'Invalid document structure: Attribute "status" has invalid format. Value must be one of (draft, live)',
    ])
    expect(await create({ title: 'x', contact: 'nope' })).toEqual([
      'document_invalid_structure',
      'Invalid document structure: Attribute "contact" has invalid format. Value must be a valid email address',
    ])
    expect(await create({ title: 'x', $tableId: 'books' })).toEqual(['document_invalid_structure', 'Invalid document structure: Unknown attribute: "$tableId"'])
    expect(await create({})).toEqual(['document_missing_data', 'The document data is missing. Try again with document data populated'])
    const dup = await databases.createDocument({ databaseId: 'db', collectionId: 'books', documentId: 'same', data: { title: 'a' } })
    expect(dup.$id).toBe('same')
    const again = await databases.createDocument({ databaseId: 'db', collectionId: 'books', documentId: 'SAME', data: { title: 'a' } }).catch((e) => e)
    expect([again.code, again.type]).toEqual([409, 'document_already_exists'])
    const empty = await databases.updateDocument({ databaseId: 'db', collectionId: 'books', documentId: 'same', data: {} }).catch((e) => e)
    expect(empty.type).toBe('document_missing_payload')
  })

  it('enforces unique indexes with 409 and lets NULLs repeat', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, {
      attributes: [{ key: 'code', type: 'string', size: 10, required: false }],
      indexes: [{ key: 'code_unique', type: 'unique', attributes: ['code'] }],
    })
    const databases = new Databases(emu.client())
    const create = (id: string, data: object) => databases.createDocument({ databaseId: 'db', collectionId: 'books', documentId: id, data })
    await create('a', { code: 'X1' })
    // MariaDB's collation makes "x1" collide with "X1".
    const clash = await create('b', { code: 'x1' }).catch((e) => e)
    expect([clash.code, clash.type]).toEqual([409, 'document_unique_constraint_violation'])
    await create('c', { code: null })
    await create('d', { code: null })
    expect((await databases.listDocuments({ databaseId: 'db', collectionId: 'books' })).total).toBe(3)
  })

  it('increments and decrements with bounds', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const databases = new Databases(emu.client())
    const ids = { databaseId: 'db', collectionId: 'books', documentId: 'd' }
    const created = await databases.createDocument({ ...ids, data: { title: 'x', pages: 5 } })
    const up = await databases.incrementDocumentAttribute({ ...ids, attribute: 'pages', value: 3, max: 10 })
    expect(up.pages).toBe(8)
    expect(up.$updatedAt).toBe(created.$updatedAt)
    const over = await databases.incrementDocumentAttribute({ ...ids, attribute: 'pages', value: 3, max: 10 }).catch((e) => e)
    expect([over.type, over.message]).toEqual(['attribute_limit_exceeded', 'databases "pages" has reached the maximum value of 10'])
    expect((await databases.decrementDocumentAttribute({ ...ids, attribute: 'pages', min: 0 })).pages).toBe(7)
    const notNumber = await databases.incrementDocumentAttribute({ ...ids, attribute: 'title' }).catch((e) => e)
    expect([notNumber.type, notNumber.message]).toEqual(['attribute_type_invalid', 'databases "title" is not a number'])
    const missing = await databases.incrementDocumentAttribute({ ...ids, documentId: 'nope', attribute: 'pages' }).catch((e) => e)
    expect([missing.code, missing.message]).toEqual([404, "Attribute with the requested key '%s' could not be found."])
  })

  it('bulk creates, upserts, updates and deletes for API keys', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const base = '/databases/db/collections/books/documents'
    const call = (method: string, path: string, body?: unknown) => serverCall(emu, method, path, body)
    const documents = Array.from({ length: 5 }, (_, i) => ({ $id: `b${i}`, title: `Book ${i}`, pages: i * 10 }))
    const created = await call('POST', base, { documents })
    expect(created.status).toBe(201)
    expect(created.body.total).toBe(5)
    expect(created.body.documents.map((d: { $sequence: string }) => d.$sequence)).toEqual(['1', '2', '3', '4', '5'])
    const upserted = await call('PUT', base, { documents: [{ $id: 'b0', title: 'Renamed' }, { title: 'Brand new' }] })
    expect(upserted.status).toBe(200)
    expect(upserted.body.documents[0]).toMatchObject({ $id: 'b0', title: 'Renamed', pages: 0 })
    const q = (s: object) => encodeURIComponent(JSON.stringify(s))
    const updated = await call('PATCH', base, { data: { status: 'live' }, queries: [JSON.stringify({ method: 'greaterThan', attribute: 'pages', values: [15] })] })
    expect(updated.body.total).toBe(3)
    expect(updated.body.documents.every((d: { status: string }) => d.status === 'live')).toBe(true)
    const deleted = await call('DELETE', `${base}?queries[0]=${q({ method: 'equal', attribute: 'status', values: ['live'] })}`)
    expect(deleted.body.total).toBe(3)
    expect((await call('GET', base)).body.total).toBe(3)
    // A client may not bulk create (the web SDK has no such call; a hand-made request is refused).
    const refused = await emu.fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documents: [{ title: 'x' }] }) })
    expect([refused.status, (await refused.json()).type]).toEqual([401, 'general_unauthorized_scope'])
  })

  it('lets keys set timestamps and refuses stale writes with X-Appwrite-Timestamp', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRIBUTES })
    const base = '/databases/db/collections/books/documents'
    const made = await serverCall(emu, 'POST', base, { documentId: 'old', data: { title: 'x', $createdAt: '2001-02-03T04:05:06.007+00:00' } })
    expect(made.body.$createdAt).toBe('2001-02-03T04:05:06.007+00:00')
    const res = await emu.fetch(`${base}/old`, {
      method: 'PATCH',
      headers: { 'x-appwrite-key': 'k', 'content-type': 'application/json', 'x-appwrite-timestamp': '2000-01-01T00:00:00.000Z' },
      body: JSON.stringify({ data: { title: 'y' } }),
    })
    expect([res.status, (await res.json()).type]).toEqual([409, 'document_update_conflict'])
  })
})

describe('Rows through the official SDK (TablesDB)', () => {
  it('serves rows with the table names and errors', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { api: 'tablesdb', attributes: ATTRIBUTES, permissions: [Permission.read(Role.any()), Permission.create(Role.any()), Permission.update(Role.any()), Permission.delete(Role.any())] })
    const tables = new TablesDB(emu.client())
    const ids = { databaseId: 'db', tableId: 'books' }
    const row = await tables.createRow({ ...ids, rowId: 'r1', data: { title: 'Dune', tags: ['sf'] } })
    expect(row).toMatchObject({ $id: 'r1', $tableId: 'books', $databaseId: 'db', $sequence: '1', title: 'Dune', tags: ['sf'] })
    expect(row).not.toHaveProperty('$collectionId')
    expect((await tables.listRows(ids)).rows.map((r) => r.$id)).toEqual(['r1'])
    expect((await tables.updateRow({ ...ids, rowId: 'r1', data: { pages: 3 } })).pages).toBe(3)
    expect((await tables.incrementRowColumn({ ...ids, rowId: 'r1', column: 'pages' })).pages).toBe(4)
    expect((await tables.upsertRow({ ...ids, rowId: 'r2', data: { title: 'Two' } })).$sequence).toBe('2')
    const bad = await tables.createRow({ ...ids, rowId: 'r3', data: { nope: 1 } }).catch((e) => e)
    expect([bad.type, bad.message]).toEqual(['row_invalid_structure', 'Invalid document structure: Missing required attribute "title"'])
    const wrongFacade = await tables.createRow({ ...ids, rowId: 'r3', data: { title: 'x', $collectionId: 'books' } }).catch((e) => e)
    expect(wrongFacade.message).toBe('Invalid document structure: Unknown attribute: "$collectionId"')
    await tables.deleteRow({ ...ids, rowId: 'r1' })
    const gone = await tables.getRow({ ...ids, rowId: 'r1' }).catch((e) => e)
    expect([gone.code, gone.type, gone.message]).toEqual([404, 'row_not_found', "Row with the requested ID 'r1' could not be found."])
    // The same data through the legacy API.
    const docs = await new Databases(emu.client()).listDocuments({ databaseId: 'db', collectionId: 'books' })
    expect(docs.documents.map((d) => d.$id)).toEqual(['r2'])
  })
})
