import type { OutboxFilter, OutboxMessage } from '../outbox/index.js'
import type { ActingSession, UserRef } from './act-as.js'
import type { AdminEngine } from './admin-engine.js'
import type { ProjectExport } from './project-export.js'
import type { RequestLogEntry, RequestLogQuery } from './request-log.js'
import type { SeedConfig, SeedResult } from './seed-types.js'

/**
 * The testing half of the service worker's admin API (`emulator.admin` in the page, over comlink; the
 * Playwright fixture calls the same methods in the worker). Every method names its project, as `reset` does.
 */
export interface TestingAdminApi {
  /** Deletes every record, clears the request log and restarts an ID sequence. */
  reset(projectId: string): Promise<void>
  seed(projectId: string, config: SeedConfig): Promise<SeedResult>
  exportProject(projectId: string): Promise<ProjectExport>
  importProject(projectId: string, data: ProjectExport): Promise<void>
  outbox(projectId: string, filter?: OutboxFilter): Promise<OutboxMessage[]>
  requests(projectId: string, query?: Omit<RequestLogQuery, 'projectId'>): RequestLogEntry[]
  clearRequests(projectId: string): void
  actAs(projectId: string, who: UserRef): Promise<ActingSession>
  /** The project's REST API with an all-scopes key: `api('demo', 'GET', '/users')`. */
  api(projectId: string, method: string, path: string, body?: Record<string, unknown>): Promise<unknown>
  /** Fixes the worker's clock (null: the real one); kept across worker restarts. */
  setClock(iso: string | null, options?: { tick?: number }): void
  /** Server-made IDs become `<prefix>000001`, … (null: random); kept across worker restarts. */
  setIdSequence(prefix: string | null, options?: { next?: number }): void
}

/** Listed so the page builds its comlink client without a Proxy (`reset` is in the base list already). */
export const TESTING_ADMIN_METHODS = [
  'seed', 'exportProject', 'importProject', 'outbox', 'requests', 'clearRequests', 'actAs', 'api', 'setClock',
  'setIdSequence',
] as const satisfies ReadonlyArray<keyof TestingAdminApi>

export const createTestingAdminApi = (emulator: AdminEngine): TestingAdminApi => {
  const project = emulator.admin
  return {
    reset: (projectId) => project(projectId).reset(),
    seed: (projectId, config) => project(projectId).seed(config),
    exportProject: (projectId) => project(projectId).export(),
    importProject: (projectId, data) => project(projectId).import(data),
    outbox: (projectId, filter) => project(projectId).outbox(filter),
    requests: (projectId, query) => project(projectId).requests(query),
    clearRequests: (projectId) => project(projectId).clearRequests(),
    actAs: (projectId, who) => project(projectId).actAs(who),
    api: (projectId, method, path, body) => project(projectId).api(method, path, body),
    setClock: (iso, options) => emulator.host.determinism.setClock(iso, options),
    setIdSequence: (prefix, options) => emulator.host.determinism.setIdSequence(prefix, options),
  }
}
