import { Databases, Query, TablesDB } from 'appwrite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { BOOKS, BOOKS_ATTRIBUTES, BOOKS_INDEXES, cases } from './query-cases.js'
import { makeCollection, serverCall } from './support.js'

/**
 * Every query method the v27 SDK's `Query` sends for documents and rows, through both facades, against a
 * small known collection.
 */
let emu: NodeEmulator

beforeAll(async () => {
  emu = startNodeEmulator()
  await makeCollection(emu, { attributes: BOOKS_ATTRIBUTES, indexes: BOOKS_INDEXES })
  const res = await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documents: BOOKS })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
})
afterAll(() => emu.close())

const legacyIds = async (queries: string[]) =>
  (await new Databases(emu.client()).listDocuments({ databaseId: 'db', collectionId: 'books', queries })).documents.map((d) => d.$id)
const tableIds = async (queries: string[]) =>
  (await new TablesDB(emu.client()).listRows({ databaseId: 'db', tableId: 'books', queries })).rows.map((r) => r.$id)

describe('Query methods on documents and rows', () => {
  for (const [name, queries, expected] of cases) {
    it(name, async () => {
      expect(await legacyIds(queries)).toEqual(expected)
      expect(await tableIds(queries)).toEqual(expected)
    })
  }

  it('selects attributes and counts totals over the filters only', async () => {
    const list = await new Databases(emu.client()).listDocuments({
      databaseId: 'db', collectionId: 'books', queries: [Query.select(['title']), Query.limit(1), Query.isNotNull('pages')],
    })
    expect(list.total).toBe(4)
    expect(Object.keys(list.documents[0]).filter((k) => !k.startsWith('$'))).toEqual(['title'])
    const noTotal = await new TablesDB(emu.client()).listRows({ databaseId: 'db', tableId: 'books', total: false })
    expect([noTotal.total, noTotal.rows.length]).toEqual([0, 5])
  })

  it('orders randomly but completely', async () => {
    expect((await legacyIds([Query.orderRandom()])).sort()).toEqual(BOOKS.map((b) => b.$id).sort())
  })

  it('refuses invalid queries as Appwrite does', async () => {
    const databases = new Databases(emu.client())
    const error = (queries: string[]) =>
      databases.listDocuments({ databaseId: 'db', collectionId: 'books', queries }).then(
        () => 'accepted',
        (e) => `${e.code} ${e.type}: ${e.message}`,
      )
    expect(await error([Query.equal('nope', 1)])).toBe('400 general_query_invalid: Invalid query: Attribute not found in schema: nope')
    expect(await error([Query.equal('pages', '12')])).toBe('400 general_query_invalid: Invalid query: Query value is invalid for attribute "pages"')
    expect(await error([Query.search('author', 'x')])).toBe('400 general_query_invalid: Searching by attribute "author" requires a fulltext index.')
    expect(await error([Query.cursorAfter('missing')])).toBe("400 general_cursor_not_found: Document 'missing' for the 'cursor' value not found.")
    expect(await error([Query.orderAsc('pages'), Query.cursorAfter('blank')])).toBe(
      "400 database_query_order_null: The order attribute 'pages' had a null value. Cursor pagination requires all documents order attribute values are non-null.",
    )
    expect(await error([Query.regex('title', 'D.*')])).toBe('400 general_query_invalid: Invalid query method: regex')
    expect(await error([Query.limit(0)])).toBe(
      '400 general_query_invalid: Invalid query: Invalid limit: Value must be a valid range between 1 and 9,223,372,036,854,775,807',
    )
    expect(await error(['not json'])).toBe('400 general_query_invalid: Invalid query: Syntax error')
    expect(await error(Array.from({ length: 101 }, () => Query.limit(1)))).toMatch(/^400 general_argument_invalid/)
    const get = await databases.getDocument({ databaseId: 'db', collectionId: 'books', documentId: 'dune', queries: [Query.limit(1)] }).catch((e) => e.message)
    expect(get).toBe('Invalid query method: limit')
    const rows = await new TablesDB(emu.client()).listRows({ databaseId: 'db', tableId: 'books', queries: [Query.cursorAfter('x')] }).catch((e) => e.message)
    expect(rows).toBe("Row 'x' for the 'cursor' value not found.")
  })
})
