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

export const PHOTOS = { bucketId: 'photos', name: 'Photos', permissions: ['create("users")'], fileSecurity: true }

/** A 1×1 PNG. */
export const PNG_1X1 = [...atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')].map((c) =>
  c.charCodeAt(0),
)

/** Creates the database `db` with the books collection, and the photos bucket, through the server API. */
export const seedApp = async (emu: NodeEmulator) => {
  for (const [path, body] of [
    ['/databases', { databaseId: 'db', name: 'Main' }],
    ['/databases/db/collections', BOOKS],
    ['/storage/buckets', PHOTOS],
  ] as const) {
    const res = await serverCall(emu, 'POST', path, body)
    if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`)
  }
}
