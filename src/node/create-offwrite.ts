import { type AdminEngine, type ProjectAdmin, createAdminEngine } from '../admin/index.js'
import type { Engine } from '../engine/index.js'
import { createRealtimeAcceptor } from '../realtime/acceptor.js'
import type { IndexedDbPlatform } from '../store/platform.js'
import { type HostOptions, settingsOf } from './host-options.js'
import { pickIndexedDb } from './indexeddb.js'
import { EventHub, type RealtimeAcceptor, type RealtimeFactory } from './realtime-bridge.js'

export interface OffwriteOptions extends HostOptions, Partial<IndexedDbPlatform> {
  /** The project the SDK uses (`client.setProject`). Default `test`. */
  projectId?: string
  /**
   * Database name prefix (default `offwrite-msw`). In Node every emulator has its own in-memory IndexedDB
   * anyway; in a page (`setupWorker`) the data stays across reloads under this name.
   */
  dbPrefix?: string
  /** Realtime for the `ws` handler (default: offwrite's; `null` for none). */
  realtime?: RealtimeFactory | null
}

/** One emulated project and everything around it; what `offwrite/msw` and `offwrite serve` are built from. */
export interface Offwrite {
  readonly projectId: string
  readonly engine: Engine
  /** The admin API of the project: reset, seed, export/import, request log, acting as a user, clock and IDs. */
  readonly admin: ProjectAdmin
  /** Engine events, as realtime relays them. */
  readonly events: EventHub
  /** Speaks Appwrite's realtime protocol on a socket (null when turned off). */
  readonly realtime: RealtimeAcceptor | null
  /**
   * Resolves once every realtime socket has opened and answered the frames it got, and every event is
   * delivered: await it after `subscribe()` and before the write whose event a test expects.
   */
  realtimeSettled(): Promise<void>
  /** The admin API of another project of the same engine (register it first with `engine.registerProject`). */
  project(projectId: string): ProjectAdmin
  close(): void
}

/**
 * Starts an engine for one project: on fake-indexeddb in Node (a fresh, private database each time), on the
 * page's IndexedDB in a browser. The project is registered and configured before this resolves, and with
 * `seed`, reset and seeded (so a page that reloads starts from the same state).
 */
export const createOffwrite = async (options: OffwriteOptions = {}): Promise<Offwrite> => {
  const projectId = options.projectId ?? 'test'
  const platform = await pickIndexedDb(options)
  const events = new EventHub()
  const emulator: AdminEngine = createAdminEngine({
    ...platform,
    dbPrefix: options.dbPrefix ?? 'offwrite-msw',
    projects: [{ id: projectId, ...settingsOf(options) }],
    onEvents: events.publish,
  })
  const admin = emulator.admin(projectId)
  if (options.clock) admin.setClock(options.clock)
  if (options.idPrefix) admin.setIdSequence(options.idPrefix)
  if (options.seed) {
    await admin.reset()
    await admin.seed(options.seed)
  }
  const realtime = options.realtime === null ? null : (options.realtime ?? createRealtimeAcceptor)({ engine: emulator.engine, events })
  return {
    projectId,
    engine: emulator.engine,
    admin,
    events,
    realtime,
    realtimeSettled: async () => realtime?.hub?.settled(),
    project: emulator.admin,
    close: () => emulator.engine.close(),
  }
}
