import { type Engine, type EngineOptions, createEngine } from '../engine/index.js'
import { allServices } from '../services/index.js'
import { type IndexedDbPlatform, defaultPlatform } from '../store/platform.js'
import { type DeterminismState, createDeterminism } from './determinism.js'
import { type AdminHost, type ProjectAdmin, createProjectAdmin } from './project-admin.js'
import { RequestLog } from './request-log.js'

export interface AdminEngineOptions extends Omit<EngineOptions, 'services' | 'now' | 'newId'> {
  services?: EngineOptions['services']
  /** A fixed clock and ID sequence to start with (e.g. restored after a restart). */
  determinism?: DeterminismState
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
  const determinism = createDeterminism(options.determinism, options.onDeterminismChange)
  const engine = createEngine({
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
  const host: AdminHost = { engine, platform, prefix, log, determinism, applySchema: options.applySchema }
  return { engine, host, admin: (projectId) => createProjectAdmin(host, projectId) }
}
