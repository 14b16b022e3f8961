/**
 * @module offwrite/engine — the engine alone, for Node and other hosts: `handle(Request) → Response` over
 * IndexedDB (pass fake-indexeddb in Node).
 * @example
 * import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
 * const engine = createEngine({ services: allServices, projects: ['demo'], indexedDB: new IDBFactory(), IDBKeyRange })
 */
export * from './engine/index.js'
export { allServices } from './services/index.js'
