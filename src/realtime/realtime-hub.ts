import type { EngineEvent } from '../store/write-path.js'
import { type ConnectionOptions, RealtimeConnection, type Transport } from './connection.js'
import { type RealtimeEvent, toRealtimeEvent } from './realtime-event.js'

/**
 * Every realtime connection of one page (or one Node process) and the events they are fed. Events are
 * handled one after the other, in the order they were published, so each connection sees them in write order.
 * @example
 * const hub = new RealtimeHub({ resolve })
 * const connection = hub.connect({ send, close })
 * await hub.open(connection, new URL('wss://host/v1/realtime?project=p'))
 * hub.publish(renderedEngineEvents)
 */
export class RealtimeHub {
  readonly #connections = new Set<RealtimeConnection>()
  readonly #opening = new Set<Promise<void>>()
  #events: Promise<void> = Promise.resolve()
  /** Counts everything that starts work (sockets, frames, events), so `settled` knows when all is quiet. */
  #activity = 0

  constructor(private readonly options: ConnectionOptions) {}

  get connections(): ReadonlySet<RealtimeConnection> {
    return this.#connections
  }

  /** A new connection on `transport`; `open` it once the socket is open. */
  connect(transport: Transport): RealtimeConnection {
    const connection = new RealtimeConnection(transport, { ...this.options, onFrame: () => this.#activity++ })
    this.#activity++
    this.#connections.add(connection)
    return connection
  }

  /** Runs the connection's handshake (`connected`, or an error and a close). */
  open(connection: RealtimeConnection, url: URL, headers?: Headers): Promise<void> {
    this.#activity++
    const opening = connection.open(url, headers).finally(() => this.#opening.delete(opening))
    this.#opening.add(opening)
    return opening
  }

  /** The client closed the socket. */
  disconnect(connection: RealtimeConnection): void {
    connection.closed()
    this.#connections.delete(connection)
  }

  /**
   * Queues engine events (payloads already rendered) for delivery. Team and membership events first refresh
   * the roles of the connections they concern, as Appwrite's realtime server does before it delivers them.
   */
  publish(events: readonly EngineEvent[]): Promise<void> {
    this.#activity++
    this.#events = this.#events
      .then(async () => {
        for (const engineEvent of events) {
          // Nobody to deliver to: expanding the names (dozens per document event) would be wasted.
          if (this.#connections.size === 0) return
          const event = toRealtimeEvent(engineEvent)
          if (!event) continue
          if (event.permissionsChanged) await this.#refresh(event)
          for (const connection of this.#connections) connection.deliver(event)
        }
      })
      .catch((error) => console.error('[offwrite] realtime delivery failed', error))
    return this.#events
  }

  /**
   * Resolves when every connection has opened and answered its frames, and every event is delivered, and
   * nothing new happened for one turn of the event loop (clients answer `connected` asynchronously).
   */
  async settled(): Promise<void> {
    for (;;) {
      const seen = this.#activity
      await Promise.allSettled([this.#events, ...this.#opening, ...[...this.#connections].map((c) => c.settled())])
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (seen === this.#activity) return
    }
  }

  #refresh(event: RealtimeEvent): Promise<unknown> {
    const concerned = [...this.#connections].filter(
      (c) => c.projectId === event.projectId && c.userId !== '' && (event.userId === null || c.userId === event.userId),
    )
    return Promise.all(concerned.map((c) => c.refreshRoles()))
  }
}
