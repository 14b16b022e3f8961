import { DOCUMENTS_STORE, documentsSchema } from '../../query/dexie/index.js'
import { TRANSACTIONS_STORE } from './transactions/records.js'

/**
 * The stores of Databases/TablesDB: schema records (`databases`, `collections` with their attributes and
 * indexes) and every document of every collection in one `documents` store (see src/query/dexie/layout.ts).
 */
export const databaseStores = {
  databases: 'k, $createdAt',
  collections: 'k, databaseKey, &cid',
  [DOCUMENTS_STORE]: documentsSchema,
  /** Transactions with their staged operations (one record each: at most 100 operations). */
  [TRANSACTIONS_STORE]: '$id, expiresAt',
}
