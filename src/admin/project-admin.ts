import type { Engine } from '../engine/index.js'
import { type OutboxFilter, type OutboxMessage, readOutbox } from '../outbox/index.js'
import type { IndexedDbPlatform } from '../store/platform.js'
import { type ActingSession, type UserRef, actAs } from './act-as.js'
import { AdminClient, adminKeyOf } from './admin-caller.js'
import type { Determinism } from './determinism.js'
import { type ProjectExport, exportProject, importProject } from './project-export.js'
import { readProjectSettings } from './project-settings.js'
import type { RequestLog, RequestLogEntry, RequestLogQuery } from './request-log.js'
import { type SchemaApplier, seedProject } from './seed.js'
import type { SeedConfig, SeedResult } from './seed-types.js'

/** What every host (msw, `offwrite serve`, the service worker) has that the admin API works on. */
export interface AdminHost {
  engine: Engine
  platform: IndexedDbPlatform
  /** The engine's `dbPrefix`. */
  prefix: string
  log: RequestLog
  determinism: Determinism
  applySchema?: SchemaApplier
}

/** The admin API of one project. Every value in and out is plain data, so it crosses comlink and HTTP. */
export interface ProjectAdmin {
  readonly projectId: string
  /** Deletes every record (users, sessions, documents, files, …) and the request log; restarts an ID sequence. */
  reset(): Promise<void>
  /** Creates the project file's schema and the data under `data`, through the project's own server API. */
  seed(config: SeedConfig): Promise<SeedResult>
  /** The whole project as one JSON document, file bytes included. */
  export(): Promise<ProjectExport>
  /** Replaces the project's records with an export's. */
  import(data: ProjectExport): Promise<void>
  /** The emails and SMS Appwrite would have sent (verification, recovery, magic URL, OTP, invitations), newest first. */
  outbox(filter?: OutboxFilter): Promise<OutboxMessage[]>
  /** The requests the engine answered for this project, oldest first. */
  requests(query?: Omit<RequestLogQuery, 'projectId'>): RequestLogEntry[]
  clearRequests(): void
  /** A session for a user, made without their password. */
  actAs(who: UserRef): Promise<ActingSession>
  /** Calls the project's REST API with an all-scopes API key, e.g. `api('GET', '/users')`: to look inside. */
  api<T = Record<string, any>>(method: string, path: string, body?: Record<string, unknown>): Promise<T>
  /** Fixes the clock (null: the real one again); `tick` moves it on by that many ms at each reading. */
  setClock(iso: string | null, options?: { tick?: number }): void
  /** Makes server-made IDs `<prefix>000001`, `<prefix>000002`, … (null: random again). */
  setIdSequence(prefix: string | null, options?: { next?: number }): void
}

export const createProjectAdmin = (host: AdminHost, projectId: string): ProjectAdmin => {
  const client = async () => {
    await host.engine.store(projectId) // waits until the projects given at start are registered
    const settings = await readProjectSettings(host.platform, host.prefix, projectId)
    if (!settings) throw new Error(`[offwrite] project "${projectId}" is not registered`)
    return new AdminClient(host.engine, projectId, adminKeyOf(settings))
  }
  return {
    projectId,
    async reset() {
      await host.engine.reset(projectId)
      host.log.clear(projectId)
      const { idPrefix } = host.determinism.state()
      if (idPrefix !== null) host.determinism.setIdSequence(idPrefix)
    },
    seed: async (config) => seedProject(await client(), config, host.applySchema),
    export: async () => exportProject(await host.engine.store(projectId), host.determinism.now()),
    import: async (data) => importProject(await host.engine.store(projectId), data),
    outbox: async (filter) => readOutbox(await host.engine.store(projectId), filter),
    requests: (query = {}) => host.log.list({ ...query, projectId }),
    clearRequests: () => host.log.clear(projectId),
    actAs: async (who) => actAs(await client(), who),
    api: async (method, path, body) => (await client()).request(method, path, { body }),
    setClock: (iso, options) => host.determinism.setClock(iso, options),
    setIdSequence: (prefix, options) => host.determinism.setIdSequence(prefix, options),
  }
}
