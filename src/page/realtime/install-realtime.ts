import type { EngineEvent } from '../../protocol.js'
import { RealtimeHub } from '../../realtime/realtime-hub.js'
import type { ResolveIdentity } from '../../realtime/identity.js'
import { interceptSockets } from './intercept-sockets.js'

export interface InstallRealtimeOptions {
  /** The REST endpoint the SDK uses (`https://host/v1`); its socket is `wss://host/v1/realtime`. */
  endpoint: string
  /** Who a connection is (the worker's engine answers, over the admin channel). */
  resolve: ResolveIdentity
  /** Feeds committed engine events (payloads rendered) in write order; returns how to stop listening. */
  listen(publish: (events: EngineEvent[]) => void): () => void
  /** Appwrite's limit of 32 frames a minute per connection; `false` turns it off. */
  messageLimit?: number | false
}

export interface InstalledRealtime {
  readonly hub: RealtimeHub
  /** Resolves when every socket has opened and answered its frames, and every event so far is delivered. */
  settled(): Promise<void>
  /**
   * Stops faking new sockets and closes the faked ones, by default with 1001 (going away: the SDK reconnects,
   * now to the network).
   */
  stop(closeCode?: number): void
}

/** `https://host/v1` → `wss://host/v1/realtime`, as the SDK derives it. */
export const realtimeUrlOf = (endpoint: string): string =>
  `${endpoint.replace(/\/+$/, '').replace(/^http/, 'ws')}/realtime`

/**
 * Answers the SDK's realtime socket in the page: `new WebSocket('<endpoint>/realtime?…')` gets a faked
 * socket speaking Appwrite's protocol, fed with the engine's events. Works for both `new Realtime(client)`
 * and the older `client.subscribe()`.
 */
export const installRealtime = (options: InstallRealtimeOptions): InstalledRealtime => {
  const hub = new RealtimeHub({ resolve: options.resolve, messageLimit: options.messageLimit })
  const sockets = new Set<{ close(code: number, reason?: string): void }>()
  // The worker's events are only received while a socket is open: a page without one (most writes of a bulk
  // import, a test without realtime) does not spend its thread decoding events nobody will get.
  let unlisten: (() => void) | undefined
  const unroute = interceptSockets(realtimeUrlOf(options.endpoint), (client) => {
    unlisten ??= options.listen((events) => void hub.publish(events))
    const connection = hub.connect({ send: (text) => client.send(text), close: (code, reason) => client.close(code, reason) })
    sockets.add(client)
    client.addEventListener('message', (event) => void connection.receive(typeof event.data === 'string' ? event.data : ''))
    client.addEventListener('close', () => {
      sockets.delete(client)
      hub.disconnect(connection)
      if (sockets.size > 0) return
      unlisten?.()
      unlisten = undefined
    })
    // Appwrite answers once the socket is open: `connected`, or an error and a close.
    client.socket.addEventListener('open', () => void hub.open(connection, client.url), { once: true })
  })
  return {
    hub,
    settled: () => hub.settled(),
    stop(closeCode = 1001) {
      unroute()
      unlisten?.()
      for (const socket of sockets) socket.close(closeCode, 'offwrite stopped')
    },
  }
}
