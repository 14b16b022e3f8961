import type { Engine } from '../engine/index.js'
import type { EngineEvent } from '../store/write-path.js'

/** A socket as the realtime protocol sees it, whatever carries it (msw's `ws`, the `ws` server of `serve`). */
export interface RealtimeSocket {
  /** The URL the client opened (`…/v1/realtime?project=…`). */
  url: URL
  /** Handshake headers, where the transport has them (a real server does; a faked socket does not). */
  headers: Headers
  send(text: string): void
  close(code?: number, reason?: string): void
}

/** One open realtime connection: the transport hands it every frame and tells it when the socket closed. */
export interface RealtimeConnection {
  receive(text: string): void
  closed(): void
}

/** Engine events as a small publish/subscribe hub: each realtime connection listens while it is open. */
export class EventHub {
  readonly #listeners = new Set<(events: EngineEvent[]) => void>()

  publish = (events: EngineEvent[]): void => {
    for (const listener of this.#listeners) listener(events)
  }

  listen(listener: (events: EngineEvent[]) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}

/** Accepts a socket and speaks Appwrite's realtime protocol on it; `hub.settled()` waits until all is quiet. */
export type RealtimeAcceptor = ((socket: RealtimeSocket) => RealtimeConnection) & { hub?: { settled(): Promise<void> } }

/** What an acceptor is made from: the engine to authenticate against and the events to relay. */
export interface RealtimeHost {
  engine: Engine
  events: EventHub
}

export type RealtimeFactory = (host: RealtimeHost) => RealtimeAcceptor
