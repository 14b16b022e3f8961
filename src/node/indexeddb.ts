import type { IndexedDbPlatform } from '../store/platform.js'

/**
 * The page's IndexedDB when there is one (msw's `setupWorker`), else a fresh in-memory fake-indexeddb of its
 * own (Node), so two emulators never share data.
 * @note fake-indexeddb is loaded only in Node, so a browser bundle never runs it.
 */
export const pickIndexedDb = async (given?: Partial<IndexedDbPlatform>): Promise<IndexedDbPlatform> => {
  if (given?.indexedDB && given.IDBKeyRange) return { indexedDB: given.indexedDB, IDBKeyRange: given.IDBKeyRange }
  if (typeof document !== 'undefined' && typeof indexedDB !== 'undefined') return { indexedDB, IDBKeyRange }
  const fake = await import('fake-indexeddb')
  return { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange }
}
