/**
 * Documents in IndexedDB: the storage layout (one `documents` store, index slots per collection) and the
 * planner that answers Appwrite queries through those indexes.
 */
export {
  DOCUMENTS_STORE, documentsSchema, toStored, slotKey, freeSlot, encodeKey, collectionRange, SYSTEM_INDEXES,
  type StoredDocument, type PhysicalIndex,
} from './layout.js'
export { queryDocuments, type DexieQueryInput } from './execute.js'
export { choosePath, type AccessPath } from './plan.js'
export type { PlanStats } from './walk.js'
