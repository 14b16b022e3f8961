import { serverCall } from '../../support/node-calls.js'
import type { NodeEmulator } from '../../support/node-emulator.js'

/** The collection and bucket the app flow uses: books (title, pages) that signed-in users may create. */
export const BOOKS = {
  collectionId: 'books',
  name: 'Books',
  permissions: ['create("users")'],
  documentSecurity: true,
  attributes: [
    { key: 'title', type: 'string', size: 64, required: true },
    { key: 'pages', type: 'integer', required: false },
  ],
  indexes: [{ key: 'by_pages', type: 'key', attributes: ['pages'] }],
}

/** Authors of books (name), related to books: `books.author` (manyToOne) and, two-way, `authors.books`. */
export const AUTHORS = {
  collectionId: 'authors',
  name: 'Authors',
  permissions: ['create("users")', 'read("users")'],
  documentSecurity: false,
  attributes: [{ key: 'name', type: 'string', size: 64, required: true }],
}

export const BOOK_AUTHOR = { relatedCollectionId: 'authors', type: 'manyToOne', twoWay: true, key: 'author', twoWayKey: 'books', onDelete: 'setNull' }

export const PHOTOS = { bucketId: 'photos', name: 'Photos', permissions: ['create("users")'], fileSecurity: true }

/** A 1×1 PNG. */
export const PNG_1X1 = [...atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')].map((c) =>
  c.charCodeAt(0),
)

/** Creates the database `db` with the books and authors collections, and the photos bucket, through the server API. */
export const seedApp = async (emu: NodeEmulator) => {
  for (const [path, body] of [
    ['/databases', { databaseId: 'db', name: 'Main' }],
    ['/databases/db/collections', BOOKS],
    ['/databases/db/collections', AUTHORS],
    ['/databases/db/collections/books/attributes/relationship', BOOK_AUTHOR],
    ['/storage/buckets', PHOTOS],
  ] as const) {
    const res = await serverCall(emu, 'POST', path, body)
    if (res.status !== 201 && res.status !== 202) throw new Error(`${path}: ${JSON.stringify(res.body)}`)
  }
}
