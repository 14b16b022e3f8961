/** The IndexedDB implementation the engine runs on: the browser's, or fake-indexeddb in Node. */
export interface IndexedDbPlatform {
  indexedDB: IDBFactory
  IDBKeyRange: typeof IDBKeyRange
}

export const defaultPlatform = (): IndexedDbPlatform => {
  if (typeof indexedDB === 'undefined') {
    throw new Error('[offwrite] no IndexedDB here: pass { indexedDB, IDBKeyRange } (e.g. from fake-indexeddb) to createEngine')
  }
  return { indexedDB, IDBKeyRange }
}
