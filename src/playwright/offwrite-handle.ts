import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type {
  ActingSession, OutboxFilter, OutboxMessage, ProjectExport, RequestLogEntry, RequestLogQuery, SeedConfig, SeedResult,
  UserRef,
} from '../admin/index.js'
import type { ApiKey, ProjectSettings } from '../engine/index.js'
import type { WorkerChannel } from './worker-channel.js'

/** What `test.use({ offwrite: { … } })` configures. */
export interface OffwriteOptions {
  /** The project the app uses (`client.setProject`). */
  projectId: string
  /** The app's SDK endpoint (default `<baseURL>/v1`). */
  endpoint?: string
  /** Where the app serves the worker (default `/offwrite-sw.js`). */
  workerUrl?: string
  scope?: string
  /** Project settings: name, auth policies. */
  config?: ProjectSettings
  /** API keys; a plain string is a key with every scope. */
  apiKeys?: ReadonlyArray<string | ApiKey>
  /** Seeded before every test: the project file plus `data`, or the path of a JSON file holding it. */
  seed?: SeedConfig | string
  /** A fixed clock (ISO 8601) for stable snapshots. */
  clock?: string
  /** Server-made IDs become `<idPrefix>000001`, … */
  idPrefix?: string
}

/** The test's handle on its own backend. */
export interface OffwriteHandle {
  readonly projectId: string
  readonly endpoint: string
  seed(config: SeedConfig | string): Promise<SeedResult>
  reset(): Promise<void>
  /** Signs a user in for the app: a session made without the password, stored where the SDK keeps it. */
  signIn(who: UserRef, page?: Page): Promise<ActingSession>
  /** Forgets the SDK's stored session in the page's origin. */
  signOut(page?: Page): Promise<void>
  /** The emails and SMS the app made Appwrite "send", newest first. */
  outbox(filter?: OutboxFilter): Promise<OutboxMessage[]>
  /** The requests the app made, oldest first, with status, roles and refusals. */
  requests(query?: Omit<RequestLogQuery, 'projectId'>): Promise<RequestLogEntry[]>
  /** Reads or writes the project through its REST API with an all-scopes key: `api('GET', '/users')`. */
  api<T = any>(method: string, path: string, body?: Record<string, unknown>): Promise<T>
  exportProject(): Promise<ProjectExport>
  importProject(data: ProjectExport): Promise<void>
  setClock(iso: string | null, options?: { tick?: number }): Promise<void>
  setIdSequence(prefix: string | null, options?: { next?: number }): Promise<void>
}

export const readSeed = async (seed: SeedConfig | string): Promise<SeedConfig> =>
  typeof seed === 'string' ? JSON.parse(await readFile(seed, 'utf8')) : seed

const writeSession = (page: Page, value: string | null) =>
  page.evaluate((cookieFallback) => {
    if (cookieFallback === null) localStorage.removeItem('cookieFallback')
    else localStorage.setItem('cookieFallback', cookieFallback)
  }, value)

export const createHandle = (channel: WorkerChannel, page: Page, projectId: string, endpoint: string): OffwriteHandle => ({
  projectId,
  endpoint,
  seed: async (config) => channel.call('seed', projectId, await readSeed(config)),
  reset: () => channel.call('reset', projectId),
  async signIn(who, target = page) {
    const session = await channel.call('actAs', projectId, who)
    await writeSession(target, session.cookieFallback)
    return session
  },
  signOut: (target = page) => writeSession(target, null),
  outbox: (filter) => channel.call('outbox', projectId, filter),
  requests: (query) => channel.call('requests', projectId, query),
  api: (method, path, body) => channel.call('api', projectId, method, path, body) as Promise<any>,
  exportProject: () => channel.call('exportProject', projectId),
  importProject: (data) => channel.call('importProject', projectId, data),
  setClock: (iso, options) => channel.call('setClock', iso, options),
  setIdSequence: (prefix, options) => channel.call('setIdSequence', prefix, options),
})
