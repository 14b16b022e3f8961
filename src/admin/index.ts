/**
 * @module offwrite/admin — the admin API every host shares: reset, seed, export/import, the request log,
 * acting as a user, and a fixed clock and ID sequence for tests.
 */
export { createAdminEngine, type AdminEngine, type AdminEngineOptions } from './admin-engine.js'
export { createProjectAdmin, type AdminHost, type ProjectAdmin } from './project-admin.js'
export { AdminRequestError } from './admin-caller.js'
export { createDeterminism, type Determinism, type DeterminismState } from './determinism.js'
export { RequestLog, type RequestLogEntry, type RequestLogQuery, type Refusal } from './request-log.js'
export { exportProject, importProject, isProjectExport, type ProjectExport } from './project-export.js'
export type { ActingSession, UserRef } from './act-as.js'
export type { SeedConfig, SeedData, SeedFile, SeedRecord, SeedResult, SeedTeam, SeedUser } from './seed-types.js'
export type { OutboxFilter, OutboxMessage } from '../outbox/index.js'
export { createTestingAdminApi, TESTING_ADMIN_METHODS, type TestingAdminApi } from './testing-admin-api.js'
export { keptDeterminism } from './kept-determinism.js'
