import type { Engine } from '../engine/index.js'
import type { EngineEvent } from '../store/write-path.js'
import type { ConnectionOptions } from './connection.js'
import { RealtimeHub } from './realtime-hub.js'
import { renderEventPayload } from './render-payload.js'
import { createIdentityResolver } from './resolve-identity.js'

/** A socket, whatever carries it (msw's `ws`, the `ws` server of `offwrite serve`, a test double). */
export interface AcceptedSocket {
  url: URL
  /** Handshake headers, where the transport has them. */
  headers?: Headers
  send(text: string): void
  close(code?: number, reason?: string): void
}

export interface AcceptorHost {
  engine: Engine
  /** The engine's committed events, raw (payloads are rendered here). */
  events: { listen(listener: (events: EngineEvent[]) => void): unknown }
}

/**
 * Realtime where the engine runs in the same process (Node, or an engine in a page): one hub fed by the
 * engine's events, the engine answering identity questions. Returns what to do with each new socket.
 * @example
 * const accept = createRealtimeAcceptor({ engine, events })
 * const connection = accept({ url, send: (t) => ws.send(t), close: (c, r) => ws.close(c, r) })
 * ws.on('message', (data) => connection.receive(String(data)))
 */
export const createRealtimeAcceptor = (host: AcceptorHost, options: Partial<ConnectionOptions> = {}) => {
  const hub = new RealtimeHub({ resolve: createIdentityResolver(host.engine), ...options })
  host.events.listen((events) => void hub.publish(events.map((event) => renderEventPayload(event))))
  const accept = (socket: AcceptedSocket) => {
    const connection = hub.connect({ send: (text) => socket.send(text), close: (code, reason) => socket.close(code, reason) })
    void hub.open(connection, socket.url, socket.headers)
    return {
      receive: (text: string) => void connection.receive(text),
      closed: () => hub.disconnect(connection),
    }
  }
  return Object.assign(accept, { hub })
}
