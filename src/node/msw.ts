/**
 * @module offwrite/msw — offwrite as msw handlers: the engine answers the official Appwrite web SDK in a
 * Vitest/Jest suite (`setupServer`, on fake-indexeddb) or in a page (`setupWorker`).
 * @example
 * const offwrite = await createOffwrite({ projectId: 'test', seed: { data: { users: [...] } } })
 * const server = setupServer(...offwriteHandlers(offwrite, 'http://localhost/v1'))
 */
export { createOffwrite, type Offwrite, type OffwriteOptions } from './create-offwrite.js'
export { offwriteHandlers, realtimeUrlOf } from './msw-handlers.js'
export { installNodeShims, MemoryStorage, type NodeShims } from './node-shims.js'
export type { HostOptions } from './host-options.js'
export type { ProjectAdmin, SeedConfig, RequestLogEntry, ProjectExport, ActingSession } from '../admin/index.js'
