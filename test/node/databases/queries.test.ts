import { Databases, Query, TablesDB } from 'appwrite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall } from './support.js'

/**
 * Every query method the v27 SDK's `Query` sends for documents and rows, through both facades, against a
 * small known collection.
 */
let emu: NodeEmulator
const BOOKS = [
  { $id: 'dune', title: 'Dune', author: 'Frank Herbert', pages: 412, rating: 4.5, tags: ['sf', 'classic'], year: '1965-08-01T00:00:00.000+00:00' },
  { $id: 'emma', title: 'Emma', author: 'Jane Austen', pages: 474, rating: 4.0, tags: ['classic'], year: '1815-12-23T00:00:00.000+00:00' },
  { $id: 'neuro', title: 'Neuromancer', author: 'William Gibson', pages: 271, rating: 3.9, tags: ['sf', 'cyberpunk'], year: '1984-07-01T00:00:00.000+00:00' },
  { $id: 'blank', title: 'Untitled draft', author: null, pages: null, rating: null, tags: [], year: null },
  { $id: 'hobbit', title: 'The Hobbit', author: 'J. R. R. Tolkien', pages: 310, rating: 4.7, tags: ['fantasy', 'classic'], year: '1937-09-21T00:00:00.000+00:00' },
]

beforeAll(async () => {
  emu = startNodeEmulator()
  await makeCollection(emu, {
    attributes: [
      { key: 'title', type: 'string', size: 64, required: true },
      { key: 'author', type: 'string', size: 64, required: false },
      { key: 'pages', type: 'integer', required: false },
      { key: 'rating', type: 'float', required: false },
      { key: 'tags', type: 'string', size: 16, required: false, array: true },
      { key: 'year', type: 'datetime', required: false },
    ],
    indexes: [
      { key: 'by_pages', type: 'key', attributes: ['pages'] },
      { key: 'ft_title', type: 'fulltext', attributes: ['title'] },
    ],
  })
  const res = await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documents: BOOKS })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
})
afterAll(() => emu.close())

const legacyIds = async (queries: string[]) =>
  (await new Databases(emu.client()).listDocuments({ databaseId: 'db', collectionId: 'books', queries })).documents.map((d) => d.$id)
const tableIds = async (queries: string[]) =>
  (await new TablesDB(emu.client()).listRows({ databaseId: 'db', tableId: 'books', queries })).rows.map((r) => r.$id)

const cases: Array<[string, string[], string[]]> = [
  ['equal (one value)', [Query.equal('title', 'Dune')], ['dune']],
  ['equal (several values mean OR)', [Query.equal('pages', [412, 271])], ['dune', 'neuro']],
  ['equal is case-insensitive on strings (MariaDB collation)', [Query.equal('title', 'DUNE')], ['dune']],
  ['notEqual leaves NULLs out', [Query.notEqual('pages', 412)], ['emma', 'neuro', 'hobbit']],
  ['lessThan', [Query.lessThan('pages', 310)], ['neuro']],
  ['lessThanEqual', [Query.lessThanEqual('pages', 310)], ['neuro', 'hobbit']],
  ['greaterThan', [Query.greaterThan('rating', 4.4)], ['dune', 'hobbit']],
  ['greaterThanEqual', [Query.greaterThanEqual('rating', 4.5)], ['dune', 'hobbit']],
  ['between (inclusive)', [Query.between('pages', 271, 412)], ['dune', 'neuro', 'hobbit']],
  ['notBetween', [Query.notBetween('pages', 300, 450)], ['emma', 'neuro']],
  ['isNull', [Query.isNull('author')], ['blank']],
  ['isNotNull', [Query.isNotNull('year')], ['dune', 'emma', 'neuro', 'hobbit']],
  ['startsWith', [Query.startsWith('title', 'neu')], ['neuro']],
  ['notStartsWith', [Query.notStartsWith('author', 'J')], ['dune', 'neuro']],
  ['endsWith', [Query.endsWith('title', 'MANCER')], ['neuro']],
  ['notEndsWith', [Query.notEndsWith('title', 'e')], ['emma', 'neuro', 'blank', 'hobbit']],
  ['contains on a string is a substring', [Query.contains('author', 'her')], ['dune']],
  ['contains on an array is a whole element', [Query.contains('tags', 'sf')], ['dune', 'neuro']],
  ['containsAny', [Query.containsAny('tags', ['fantasy', 'cyberpunk'])], ['neuro', 'hobbit']],
  ['containsAll', [Query.containsAll('tags', ['sf', 'classic'])], ['dune']],
  ['notContains', [Query.notContains('tags', 'classic')], ['neuro', 'blank']],
  ['search (fulltext)', [Query.search('title', 'hobbit')], ['hobbit']],
  ['search matches the last word as a prefix', [Query.search('title', 'neuro')], ['neuro']],
  ['notSearch', [Query.notSearch('title', 'dune')], ['emma', 'neuro', 'blank', 'hobbit']],
  ['or', [Query.or([Query.equal('pages', 412), Query.isNull('pages')])], ['dune', 'blank']],
  ['and', [Query.and([Query.greaterThan('pages', 300), Query.lessThan('pages', 450)])], ['dune', 'hobbit']],
  ['orderAsc (NULL first)', [Query.orderAsc('pages')], ['blank', 'neuro', 'hobbit', 'dune', 'emma']],
  ['orderDesc', [Query.orderDesc('rating'), Query.limit(2)], ['hobbit', 'dune']],
  ['limit and offset', [Query.limit(2), Query.offset(1)], ['emma', 'neuro']],
  ['cursorAfter', [Query.cursorAfter('neuro'), Query.limit(1)], ['blank']],
  ['cursorBefore', [Query.cursorBefore('neuro')], ['dune', 'emma']],
  ['cursor with an order', [Query.orderDesc('pages'), Query.cursorAfter('dune')], ['hobbit', 'neuro', 'blank']],
  ['createdBefore', [Query.createdBefore('2000-01-01T00:00:00.000+00:00')], []],
  ['createdAfter', [Query.createdAfter('2000-01-01T00:00:00.000+00:00')], ['dune', 'emma', 'neuro', 'blank', 'hobbit']],
  ['updatedBetween', [Query.updatedBetween('2000-01-01', '2999-01-01')], ['dune', 'emma', 'neuro', 'blank', 'hobbit']],
  ['dates are compared in UTC', [Query.greaterThan('year', '1965-08-01T01:00:00+02:00')], ['dune', 'neuro']],
]

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
