/**
 * @module protocol — every message between a page and the offwrite service worker, in one place.
 * Control messages travel with `postMessage`; the admin API is called over comlink on a port handed over with
 * `offwrite/connect`; engine events are broadcast to every tab on {@link EVENTS_CHANNEL}.
 */
import { TESTING_ADMIN_METHODS, type TestingAdminApi } from './admin/testing-admin-api.js'
import type { ApiKey, ProjectSettings } from './engine/context.js'
import type { IdentityRequest, IdentityResult } from './realtime/identity.js'
import type { EngineEvent } from './store/write-path.js'

/** The BroadcastChannel the worker posts engine events on (realtime relays them to sockets). */
export const EVENTS_CHANNEL = 'offwrite-events'

/** Messages a page posts to the worker. */
export interface PageMessages {
  /** Carries a MessagePort (in `event.ports[0]`) on which the worker exposes {@link AdminApi}. */
  'offwrite/connect': { type: 'offwrite/connect' }
  /** Asks the worker to control this page: after a hard reload nothing else makes it do so. */
  'offwrite/claim': { type: 'offwrite/claim' }
  /** Carries a MessagePort (in `event.ports[0]`) to the page's hashing worker (see src/page/hashing). */
  'offwrite/hasher': { type: 'offwrite/hasher' }
}

/** Messages the worker posts to its pages. */
export interface WorkerMessages {
  /** A (re)started worker has no hashing worker: pages that have one to give answer with `offwrite/hasher`. */
  'offwrite/want-hasher': { type: 'offwrite/want-hasher' }
}

/** Messages the worker broadcasts on {@link EVENTS_CHANNEL}. Payloads are rendered as client callers see them. */
export interface BroadcastMessages {
  'offwrite/events': { type: 'offwrite/events'; events: EngineEvent[] }
}

export type PageMessage = PageMessages[keyof PageMessages]
export type WorkerMessage = WorkerMessages[keyof WorkerMessages]
export type BroadcastMessage = BroadcastMessages[keyof BroadcastMessages]

export const isPageMessage = (data: unknown): data is PageMessage =>
  typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' &&
  (data as { type: string }).type.startsWith('offwrite/')

export interface Hello {
  /** The build the worker comes from; the page refuses a worker from another build. */
  build: string
  /** Made when the worker script starts: a new value proves the worker was stopped and started again. */
  instance: string
}

export interface ConfigureInput {
  projectId: string
  /** The API endpoint the SDK is pointed at, e.g. `https://cloud.appwrite.io/v1`. */
  endpoint: string
  settings?: ProjectSettings
}

/** What the worker offers a page over comlink. */
export interface AdminApi extends TestingAdminApi {
  hello(): Hello
  /** Registers (or updates) the project and starts answering requests below the endpoint. */
  configure(input: ConfigureInput): Promise<void>
  /** Stops answering requests below the endpoint: they go to the network again. */
  forgetEndpoint(endpoint: string): Promise<void>
  /** Deletes every record of the project, keeping the project itself. */
  reset(projectId: string): Promise<void>
  /** Who a realtime connection is: its account and roles (the page keeps realtime state; see src/realtime). */
  realtimeIdentity(request: IdentityRequest): Promise<IdentityResult>
}

/** The admin API's methods, listed so the page can build its client without a Proxy. */
export const ADMIN_METHODS = ['hello', 'configure', 'forgetEndpoint', 'reset', 'realtimeIdentity', ...TESTING_ADMIN_METHODS] as const satisfies ReadonlyArray<
  keyof AdminApi
>

// A compile error here means ADMIN_METHODS misses a method of AdminApi.
const _allAdminMethods: Exclude<keyof AdminApi, (typeof ADMIN_METHODS)[number]> extends never ? true : never = true

/** The page's view of {@link AdminApi}: every call is asynchronous. */
export type AdminRemote = {
  [K in keyof AdminApi]: (...args: Parameters<AdminApi[K]>) => Promise<Awaited<ReturnType<AdminApi[K]>>>
}

export type { ApiKey, EngineEvent, IdentityRequest, IdentityResult, ProjectSettings }
