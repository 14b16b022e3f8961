import { Query } from 'appwrite'
import { describe, expect, test } from 'vitest'
import { BOOKS, BOOKS_ATTRIBUTES, BOOKS_INDEXES, cases } from '../node/databases/query-cases.js'
import { useHarness } from '../support/harness.js'

/**
 * Databases and TablesDB in Chromium: the official SDK, the real service worker, IndexedDB. The schema comes
 * from an Appwrite CLI project file through the admin API's `seed`.
 */
const harness = useHarness()

const ANY = ['read("any")', 'create("any")', 'update("any")', 'delete("any")']
const PROJECT_FILE = {
  projectId: 'test',
  databases: [{ $id: 'library', name: 'Library', enabled: true }],
  collections: [
    {
      $id: 'books', $permissions: ANY, databaseId: 'library', name: 'Books', enabled: true, documentSecurity: false,
      attributes: BOOKS_ATTRIBUTES, indexes: BOOKS_INDEXES,
    },
    {
      $id: 'notes', $permissions: ['create("users")'], databaseId: 'library', name: 'Notes', enabled: true, documentSecurity: true,
      attributes: [{ key: 'text', type: 'string', size: 100, required: true, array: false, default: null }],
      indexes: [],
    },
    {
      $id: 'locked', $permissions: ['read("users")'], databaseId: 'library', name: 'Locked', enabled: true, documentSecurity: false,
      attributes: [{ key: 'text', type: 'string', size: 100, required: false }],
      indexes: [],
    },
  ],
  tablesDB: [{ $id: 'shop', name: 'Shop', enabled: true }],
  tables: [
    {
      $id: 'orders', $permissions: ANY, databaseId: 'shop', name: 'Orders', enabled: true, rowSecurity: false,
      columns: [
        { key: 'item', type: 'string', size: 32, required: true },
        { key: 'qty', type: 'integer', required: false, min: 0, max: 100, default: 1 },
        { key: 'email', type: 'string', format: 'email', size: 254, required: false },
      ],
      indexes: [{ key: 'by_item', type: 'unique', columns: ['item'], orders: ['ASC'] }],
    },
  ],
}

describe('Databases and TablesDB in the browser', () => {
  test('a project file seeds databases, collections, tables, attributes and indexes (idempotently)', async () => {
    const emu = await harness.page()
    await emu.start()
    const schema = await emu.run(async ({ client, emulator }, file) => {
      await emulator.admin.seed('test', file)
      await emulator.admin.seed('test', file)
      const get = async (path: string) =>
        (await fetch(`${client.config.endpoint}${path}`, { headers: { 'x-appwrite-project': 'test', 'x-appwrite-key': 'k' } })).json()
      return { books: await get('/databases/library/collections/books'), orders: await get('/tablesdb/shop/tables/orders'), dbs: await get('/databases') }
    }, PROJECT_FILE)
    expect(schema.dbs.databases.map((d: { $id: string; type: string }) => [d.$id, d.type])).toEqual([['library', 'legacy'], ['shop', 'tablesdb']])
    expect(schema.books.attributes.map((a: { key: string; status: string }) => `${a.key}:${a.status}`)).toEqual(
      BOOKS_ATTRIBUTES.map((a) => `${a.key}:available`),
    )
    expect(schema.books.indexes.map((i: { key: string }) => i.key)).toEqual(['by_pages', 'ft_title'])
    expect(schema.orders).toMatchObject({ rowSecurity: false, columns: [{ key: 'item' }, { key: 'qty', default: 1 }, { key: 'email', format: 'email' }] })
    expect(schema.orders.indexes[0]).toMatchObject({ key: 'by_item', type: 'unique', columns: ['item'] })
    expect(emu.offsite).toEqual([])
  })

  test('documents and rows: create, get, list, update, upsert, increment, delete, errors', async () => {
    const emu = await harness.page()
    await emu.start()
    const out = await emu.run(async ({ appwrite, client, emulator }, file) => {
      await emulator.admin.seed('test', file)
      const databases = new appwrite.Databases(client)
      const tables = new appwrite.TablesDB(client)
      const ids = { databaseId: 'library', collectionId: 'books' }
      const created = await databases.createDocument({ ...ids, documentId: appwrite.ID.unique(), data: { title: 'Dune', pages: 412 } })
      const got = await databases.getDocument({ ...ids, documentId: created.$id })
      const updated = await databases.updateDocument({ ...ids, documentId: created.$id, data: { rating: 4.5 } })
      const upserted = await databases.upsertDocument({ ...ids, documentId: 'emma', data: { title: 'Emma' } })
      const bumped = await databases.incrementDocumentAttribute({ ...ids, documentId: created.$id, attribute: 'pages', value: 8 })
      const invalid = await databases.createDocument({ ...ids, documentId: 'x', data: { title: 7 } }).catch((e) => [e.code, e.type, e.message])
      await databases.deleteDocument({ ...ids, documentId: 'emma' })
      const gone = await databases.getDocument({ ...ids, documentId: 'emma' }).catch((e) => [e.code, e.type])
      const listed = await databases.listDocuments(ids)
      const row = await tables.createRow({ databaseId: 'shop', tableId: 'orders', rowId: 'o1', data: { item: 'pen' } })
      const clash = await tables.createRow({ databaseId: 'shop', tableId: 'orders', rowId: 'o2', data: { item: 'PEN' } }).catch((e) => [e.code, e.type])
      const down = await tables.decrementRowColumn({ databaseId: 'shop', tableId: 'orders', rowId: 'o1', column: 'qty', min: 0 })
      const floor = await tables.decrementRowColumn({ databaseId: 'shop', tableId: 'orders', rowId: 'o1', column: 'qty', min: 0 }).catch((e) => [e.type, e.message])
      const rowGone = await tables.getRow({ databaseId: 'shop', tableId: 'orders', rowId: 'nope' }).catch((e) => [e.code, e.type])
      return { created, got, updated, upserted, bumped, invalid, gone, listed, row, clash, down, floor, rowGone }
    }, PROJECT_FILE)
    expect(out.created.$id).toMatch(/^[0-9a-f]{20}$/)
    expect(out.created).toMatchObject({ $sequence: '1', $collectionId: 'books', $databaseId: 'library', title: 'Dune', pages: 412, tags: [], author: null })
    expect(out.created.$createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/)
    expect(out.got).toEqual(out.created)
    expect(out.updated).toMatchObject({ rating: 4.5, pages: 412 })
    expect(out.upserted).toMatchObject({ $id: 'emma', $sequence: '2' })
    expect(out.bumped.pages).toBe(420)
    expect(out.invalid).toEqual([400, 'document_invalid_structure', 'Invalid document structure: Attribute "title" has invalid type. Value must be a valid string and no longer than 64 chars'])
    expect(out.gone).toEqual([404, 'document_not_found'])
    expect(out.listed.total).toBe(1)
    expect(out.row).toMatchObject({ $tableId: 'orders', $databaseId: 'shop', item: 'pen', qty: 1 })
    expect(out.clash).toEqual([409, 'row_unique_constraint_violation'])
    expect(out.down.qty).toBe(0)
    expect(out.floor).toEqual(['column_limit_exceeded', 'tablesDB "qty" has reached the minimum value of 0'])
    expect(out.rowGone).toEqual([404, 'row_not_found'])
  })

  test('every query method, on documents and on rows', async () => {
    const emu = await harness.page()
    await emu.start()
    const file = { ...PROJECT_FILE, data: { documents: { 'library/books': BOOKS } } }
    const results = await emu.run(
      async ({ appwrite, client, emulator }, { file, cases }) => {
        await emulator.admin.seed('test', file)
        const databases = new appwrite.Databases(client)
        const tables = new appwrite.TablesDB(client)
        const out: Record<string, [string[], string[]]> = {}
        for (const [name, queries] of cases) {
          const docs = await databases.listDocuments({ databaseId: 'library', collectionId: 'books', queries })
          const rows = await tables.listRows({ databaseId: 'library', tableId: 'books', queries })
          out[name] = [docs.documents.map((d) => d.$id), rows.rows.map((r) => r.$id)]
        }
        return out
      },
      { file, cases },
    )
    for (const [name, , expected] of cases) expect(results[name], name).toEqual([expected, expected])
  })

  test('invalid queries are refused as Appwrite refuses them', async () => {
    const emu = await harness.page()
    await emu.start()
    const file = { ...PROJECT_FILE, data: { documents: { 'library/books': BOOKS } } }
    const bad = [
      Query.equal('nope', 1), Query.equal('pages', 'many'), Query.search('author', 'x'), Query.cursorAfter('missing'), Query.regex('title', 'x'),
    ]
    const errors = await emu.run(
      async ({ appwrite, client, emulator }, { file, bad }) => {
        await emulator.admin.seed('test', file)
        const databases = new appwrite.Databases(client)
        const out: string[] = []
        for (const query of bad) {
          out.push(await databases.listDocuments({ databaseId: 'library', collectionId: 'books', queries: [query] }).then(() => 'accepted', (e) => `${e.type}: ${e.message}`))
        }
        return out
      },
      { file, bad },
    )
    expect(errors).toEqual([
      'general_query_invalid: Invalid query: Attribute not found in schema: nope',
      'general_query_invalid: Invalid query: Query value is invalid for attribute "pages"',
      'general_query_invalid: Searching by attribute "author" requires a fulltext index.',
      "general_cursor_not_found: Document 'missing' for the 'cursor' value not found.",
      'general_query_invalid: Invalid query method: regex',
    ])
  })

  test('permission rules: defaults, grants, document security, 404 on get and 401 on write', async () => {
    const emu = await harness.page()
    await emu.start()
    const out = await emu.run(async ({ appwrite, client, emulator }, file) => {
      await emulator.admin.seed('test', file)
      const databases = new appwrite.Databases(client)
      const tables = new appwrite.TablesDB(client)
      const { Permission, Role } = appwrite
      const notes = { databaseId: 'library', collectionId: 'notes' }
      const result: Record<string, unknown> = {}
      result.guestCreate = await databases.createDocument({ ...notes, documentId: 'g', data: { text: 'x' } }).catch((e) => [e.code, e.type])
      result.lockedList = await databases.listDocuments({ databaseId: 'library', collectionId: 'locked' }).catch((e) => [e.code, e.type])
      const account = new appwrite.Account(client)
      const me = await account.create({ userId: 'ann', email: 'ann@example.com', password: 'password123' })
      await account.createEmailPasswordSession({ email: 'ann@example.com', password: 'password123' })
      result.lockedForUser = (await databases.listDocuments({ databaseId: 'library', collectionId: 'locked' })).total
      const mine = await databases.createDocument({ ...notes, documentId: 'mine', data: { text: 'mine' } })
      result.defaults = mine.$permissions
      result.grantForeign = await databases
        .createDocument({ ...notes, documentId: 'x', data: { text: 'x' }, permissions: [Permission.read(Role.user('bob'))] })
        .catch((e) => [e.code, e.type])
      await databases.createDocument({ ...notes, documentId: 'shared', data: { text: 's' }, permissions: [Permission.read(Role.any())] })
      result.rowSecurity = (await tables.listRows({ databaseId: 'library', tableId: 'notes' })).rows.map((r) => r.$id)
      await account.deleteSession({ sessionId: 'current' })
      result.guestList = (await databases.listDocuments(notes)).documents.map((d) => d.$id)
      result.guestGet = await databases.getDocument({ ...notes, documentId: 'mine' }).catch((e) => [e.code, e.type])
      result.guestUpdate = await databases.updateDocument({ ...notes, documentId: 'mine', data: { text: 'y' } }).catch((e) => [e.code, e.type])
      result.guestDelete = await tables.deleteRow({ databaseId: 'library', tableId: 'notes', rowId: 'mine' }).catch((e) => [e.code, e.type])
      return { ...result, me: me.$id }
    }, PROJECT_FILE)
    expect(out).toMatchObject({
      guestCreate: [401, 'user_unauthorized'],
      lockedList: [401, 'user_unauthorized'],
      lockedForUser: 0,
      defaults: ['read("user:ann")', 'update("user:ann")', 'delete("user:ann")'],
      grantForeign: [401, 'user_unauthorized'],
      rowSecurity: ['mine', 'shared'],
      guestList: ['shared'],
      guestGet: [404, 'document_not_found'],
      guestUpdate: [401, 'user_unauthorized'],
      guestDelete: [401, 'user_unauthorized'],
    })
  })
})
