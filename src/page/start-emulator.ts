import type { SeedConfig } from '../admin/seed-types.js'
import type { AdminRemote, ApiKey, ProjectSettings } from '../protocol.js'
import { createAdminClient } from './admin-client.js'
import { installRealtime, listenToWorkerEvents } from './realtime/index.js'
import { assertBrowser } from './assert-browser.js'
import { provideHasher } from './hashing/connect-hasher.js'
import { checkBuild } from './check-build.js'
import { registerAndControl } from './wait-for-control.js'

export interface StartEmulatorOptions {
  /** The project the app uses (`client.setProject(projectId)`). */
  projectId: string
  /** Where the app points the SDK (`client.setEndpoint`). Default `${location.origin}/v1`; any origin works. */
  endpoint?: string
  /** Where the app serves `offwrite-sw.js` (default `/offwrite-sw.js`). */
  workerUrl?: string
  /** The worker's scope (default `/`); the app's pages must be inside it. */
  scope?: string
  /**
   * Project settings (name, auth policies, API keys), and/or the Appwrite CLI's project file
   * (`appwrite.config.json` or the older `appwrite.json`): its databases, collections/tables, buckets and
   * teams are created at every start, idempotently, so a real project's file works as it is.
   */
  config?: ProjectSettings & ProjectFile
  /** API keys the project accepts; a plain string is a key with every scope. */
  apiKeys?: ReadonlyArray<string | ApiKey>
}

/** The parts of the CLI's project file that describe the schema. */
type ProjectFile = Omit<SeedConfig, 'data'>

const SCHEMA_KEYS = ['databases', 'collections', 'tablesDB', 'tables', 'buckets', 'teams'] as const

/** The schema a `config` carries, if it is (or contains) a project file. */
const schemaOf = (config: StartEmulatorOptions['config']): ProjectFile | null => {
  const schema = Object.fromEntries(SCHEMA_KEYS.filter((key) => config?.[key]).map((key) => [key, config?.[key]]))
  return Object.keys(schema).length ? schema : null
}

export interface Emulator {
  readonly endpoint: string
  readonly projectId: string
  /** Deletes every record of the project (users, sessions, documents, …). */
  reset(): Promise<void>
  /** The worker's admin API. */
  readonly admin: AdminRemote
  /** Stops answering requests to the endpoint, in every tab of this origin; `startEmulator` may run again. */
  stop(): Promise<void>
  /** The page's realtime sockets: `settled()` resolves once every socket answered its frames and events. */
  readonly realtime: { settled(): Promise<void> }
}

// On globalThis, so two bundled copies of offwrite in one page still share one start (lesson 13).
const RUNNING = Symbol.for('offwrite.startEmulator')
type Slot = { [RUNNING]?: { promise: Promise<Emulator>; options: StartEmulatorOptions } }

const toApiKey = (key: string | ApiKey): ApiKey => (typeof key === 'string' ? { secret: key, scopes: '*' } : key)

const endpointOf = (options: StartEmulatorOptions): string => {
  const endpoint = (options.endpoint ?? `${location.origin}/v1`).replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]+(\/.*)?\/v1$/.test(endpoint)) {
    throw new Error(`[offwrite] the endpoint must be an http(s) URL ending in /v1, as Appwrite's are (got "${endpoint}")`)
  }
  return endpoint
}

const boot = async (options: StartEmulatorOptions, forget: () => void): Promise<Emulator> => {
  const { projectId } = options
  if (!projectId) throw new Error('[offwrite] startEmulator() needs a projectId')
  const endpoint = endpointOf(options)
  const settings: ProjectSettings = Object.fromEntries(
    Object.entries(options.config ?? {}).filter(([key]) => !(SCHEMA_KEYS as readonly string[]).includes(key)),
  )
  if (options.apiKeys) settings.apiKeys = options.apiKeys.map(toApiKey)

  const registration = await registerAndControl(options.workerUrl ?? '/offwrite-sw.js', options.scope ?? '/')
  const admin = createAdminClient()
  await checkBuild(admin, registration)
  await admin.configure({ projectId, endpoint, settings })
  provideHasher()
  const schema = schemaOf(options.config)
  if (schema) await admin.seed(projectId, schema)
  const realtime = installRealtime({ endpoint, resolve: (request) => admin.realtimeIdentity(request), listen: listenToWorkerEvents })
  return {
    endpoint,
    projectId,
    admin,
    realtime,
    reset: () => admin.reset(projectId),
    async stop() {
      realtime.stop()
      await admin.forgetEndpoint(endpoint)
      forget()
    },
  }
}

/**
 * Starts the Appwrite emulator for this page: registers the offwrite service worker, waits until it controls
 * the page, and registers the project. Once the promise resolves, every SDK request to `endpoint` is
 * answered locally; create the SDK `Client` after that, or requests made before leak to the network.
 * Calling it again returns the same promise.
 * @example
 * const { endpoint } = await startEmulator({ projectId: 'demo' })
 * const client = new Client().setEndpoint(endpoint).setProject('demo')
 */
export const startEmulator = (options: StartEmulatorOptions): Promise<Emulator> => {
  assertBrowser()
  const slot = globalThis as Slot
  const running = slot[RUNNING]
  if (running) {
    const { projectId, endpoint } = running.options
    if (options.projectId !== projectId || (options.endpoint ?? endpoint) !== endpoint) {
      console.warn('[offwrite] startEmulator() was already called; the new options are ignored. Use admin.configure() for another project.')
    }
    return running.promise
  }
  const forget = () => {
    if (slot[RUNNING]?.promise === promise) delete slot[RUNNING]
  }
  const promise = boot(options, forget)
  slot[RUNNING] = { promise, options }
  // A failed start may be retried.
  promise.catch(forget)
  return promise
}
