import { describe, expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'

/**
 * Relationships in Chromium through the worker: the schema from a CLI project file (TablesDB), each relation
 * type, one-way and two-way, nested writes, selects, and each onDelete rule, with the official SDK.
 */
const harness = useHarness()

const ANY = ['read("any")', 'create("any")', 'update("any")', 'delete("any")']
const table = (id: string, columns: object[]) => ({ $id: id, $permissions: ANY, databaseId: 'lib', name: id, enabled: true, rowSecurity: false, columns, indexes: [] })
const text = (key: string) => ({ key, type: 'string', size: 64, required: false })
const relation = (key: string, relatedTable: string, relationType: string, twoWay: boolean, onDelete: string, twoWayKey?: string) =>
  ({ key, type: 'relationship', relatedTable, relationType, twoWay, twoWayKey, onDelete, side: 'parent' })

const PROJECT_FILE = {
  projectId: 'test',
  tablesDB: [{ $id: 'lib', name: 'Library', enabled: true }],
  tables: [
    table('authors', [text('name'), relation('books', 'books', 'oneToMany', true, 'cascade', 'author')]),
    table('books', [
      text('title'),
      relation('tags', 'tags', 'manyToMany', false, 'setNull'),
      relation('publisher', 'publishers', 'manyToOne', true, 'restrict', 'books'),
      // The child side of authors.books, as the CLI writes it: made with its parent.
      { key: 'author', type: 'relationship', relatedTable: 'authors', relationType: 'oneToMany', twoWay: true, twoWayKey: 'books', onDelete: 'cascade', side: 'child' },
    ]),
    table('tags', [text('label')]),
    table('publishers', [text('name')]),
    table('profiles', [text('bio'), relation('author', 'authors', 'oneToOne', false, 'restrict')]),
  ],
}

describe('Relationships in the browser', () => {
  test('every type and onDelete rule through TablesDB', async () => {
    const emu = await harness.page()
    await emu.start()
    const out = await emu.run(async ({ appwrite, client, emulator }, file) => {
      await emulator.admin.seed('test', file)
      await emulator.admin.seed('test', file)
      const tables = new appwrite.TablesDB(client)
      const { Query } = appwrite
      const row = (tableId: string) => ({ databaseId: 'lib', tableId })
      const error = (e: { code: number; type: string }) => [e.code, e.type]
      const created = await tables.createRow({
        ...row('authors'), rowId: 'herbert',
        data: { name: 'Frank Herbert', books: [{ $id: 'dune', title: 'Dune', tags: [{ $id: 'sf', label: 'SF' }, 'missing'], publisher: { $id: 'chilton', name: 'Chilton' } }] },
      })
      const book = await tables.getRow({ ...row('books'), rowId: 'dune', queries: [Query.select(['*', 'author.name', 'tags.*', 'publisher.*'])] })
      const byAuthor = (await tables.listRows({ ...row('books'), queries: [Query.equal('author.name', 'Frank Herbert')] })).rows.map((r: { $id: string }) => r.$id)
      const plainAuthor = await tables.getRow({ ...row('authors'), rowId: 'herbert' })
      const plainBook = await tables.getRow({ ...row('books'), rowId: 'dune' })
      const schema = await fetch(`${client.config.endpoint}/tablesdb/lib/tables/books/columns`, { headers: { 'x-appwrite-project': 'test', 'x-appwrite-key': 'k' } })
      const columns = (await schema.json()).columns.map((c: { key: string }) => c.key)
      await tables.createRow({ ...row('profiles'), rowId: 'p1', data: { bio: 'Writer', author: 'herbert' } })
      const taken = await tables.createRow({ ...row('profiles'), rowId: 'p2', data: { bio: 'Copy', author: 'herbert' } }).catch(error)
      const restrictedPublisher = await tables.deleteRow({ ...row('publishers'), rowId: 'chilton' }).catch(error)
      const restrictedProfile = await tables.deleteRow({ ...row('profiles'), rowId: 'p1' }).catch(error)
      await tables.deleteRow({ ...row('tags'), rowId: 'sf' })
      const untagged = await tables.getRow({ ...row('books'), rowId: 'dune', queries: [Query.select(['tags.*'])] })
      await tables.deleteRow({ ...row('authors'), rowId: 'herbert' })
      const books = await tables.listRows(row('books'))
      const profile = await tables.getRow({ ...row('profiles'), rowId: 'p1' })
      const publisher = await tables.getRow({ ...row('publishers'), rowId: 'chilton', queries: [Query.select(['books.*'])] })
      return { created, book, byAuthor, plainAuthor, plainBook, columns, taken, restrictedPublisher, restrictedProfile, untagged, books: books.total, profile, publisher }
    }, PROJECT_FILE)
    expect(out.created.books[0]).toMatchObject({ $id: 'dune', title: 'Dune', $tableId: 'books', tags: [{ $id: 'sf', label: 'SF' }], publisher: { $id: 'chilton' } })
    expect(out.book).toMatchObject({ title: 'Dune', author: { name: 'Frank Herbert' }, tags: [{ label: 'SF' }], publisher: { name: 'Chilton' } })
    expect(out.byAuthor).toEqual(['dune'])
    expect(out.plainAuthor).not.toHaveProperty('books')
    expect(out.plainBook).toMatchObject({ author: 'herbert', publisher: 'chilton' })
    expect(out.plainBook).not.toHaveProperty('tags')
    expect(out.columns.sort()).toEqual(['author', 'publisher', 'tags', 'title'])
    expect(out.taken).toEqual([409, 'row_unique_constraint_violation'])
    expect(out.restrictedPublisher).toEqual([403, 'row_delete_restricted'])
    expect(out.restrictedProfile).toEqual([403, 'row_delete_restricted'])
    expect(out.untagged.tags).toEqual([])
    // Cascade took the author's books; the one-way oneToOne child going cleared the profile's key.
    expect(out.books).toBe(0)
    expect(out.profile.author).toBeNull()
    expect(out.publisher.books).toEqual([])
    expect(emu.offsite).toEqual([])
  })
})
