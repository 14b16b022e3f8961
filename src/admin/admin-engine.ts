import { type Engine, type EngineOptions, createEngine } from '../engine/index.js'
import { allServices } from '../services/index.js'
import { type IndexedDbPlatform, defaultPlatform } from '../store/platform.js'
import { type DeterminismState, createDeterminism } from './determinism.js'
import { type AdminHost, type ProjectAdmin, createProjectAdmin } from './project-admin.js'
import { RequestLog } from './request-log.js'

export interface AdminEngineOptions extends Omit<EngineOptions, 'services' | 'now' | 'newId'> {
  services?: EngineOptions['services']
  /**
   * A fixed clock and ID sequence to start with. A promise (the worker reads it from IndexedDB) holds
   * requests back until it settles.
   */
  determinism?: DeterminismState | Promise<DeterminismState | undefined>
  /** Called whenever the clock or ID sequence changes, to keep it across restarts. */
  onDeterminismChange?: (state: DeterminismState) => void
  /** Requests the log keeps (default 1000). */
  logCapacity?: number
  /** Extra schema appliers for `seed()` (the databases and storage services provide one). */
  applySchema?: AdminHost['applySchema']
}

export interface AdminEngine {
  engine: Engine
  host: AdminHost
  /** The admin API of one project. */
  admin(projectId: string): ProjectAdmin
}

/**
 * An engine with everything the admin API needs wired in: a request log, a clock and ID generator tests can
 * fix. The hosts (`offwrite/msw`, `offwrite serve`, the service worker) all start here.
 */
export const createAdminEngine = (options: AdminEngineOptions = {}): AdminEngine => {
  const platform: IndexedDbPlatform =
    options.indexedDB && options.IDBKeyRange ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : defaultPlatform()
  const prefix = options.dbPrefix ?? 'offwrite'
  const log = new RequestLog(options.logCapacity)
  const given = options.determinism
  const determinism = createDeterminism(given instanceof Promise ? undefined : given, options.onDeterminismChange)
  const restored = given instanceof Promise ? given.then((state) => state && determinism.restore(state), () => {}) : null
  const inner = createEngine({
    ...options,
    ...platform,
    dbPrefix: prefix,
    services: options.services ?? allServices,
    now: determinism.now,
    newId: determinism.newId,
    onRequest: (trace) => {
      log.record(trace)
      options.onRequest?.(trace)
    },
  })
  const engine: Engine = restored
    ? {
        ...inner,
        handle: async (request) => {
          await restored
          return inner.handle(request)
        },
      }
    : inner
  const host: AdminHost = { engine, platform, prefix, log, determinism, applySchema: options.applySchema }
  return { engine, host, admin: (projectId) => createProjectAdmin(host, projectId) }
}
