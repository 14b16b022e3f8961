import { DOCUMENTS_STORE, documentsSchema } from '../../query/dexie/index.js'

/**
 * The stores of Databases/TablesDB: schema records (`databases`, `collections` with their attributes and
 * indexes) and every document of every collection in one `documents` store (see src/query/dexie/layout.ts).
 */
export const databaseStores = {
  databases: 'k, $createdAt',
  collections: 'k, databaseKey, &cid',
  [DOCUMENTS_STORE]: documentsSchema,
}
