import { Account, type Client, ID } from 'appwrite'
import { type InstalledRealtime, installRealtime } from '../../../src/page/realtime/index.js'
import { createIdentityResolver, renderEventPayload } from '../../../src/realtime/index.js'
import type { EngineEvent } from '../../../src/store/write-path.js'
import { ENDPOINT, type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'

/** What Node 20 lacks for the SDK's realtime: a global `WebSocket` (the interceptor wraps it) and timers on `window`. */
class WebSocketStub {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  constructor() {
    throw new Error('no real WebSocket in these tests')
  }
}

export interface RealtimeEmulator extends NodeEmulator {
  realtime: InstalledRealtime
  /** Every frame the faked sockets sent, parsed, in order. */
  frames: Array<{ type: string; data?: any }>
  /**
   * Signs a user up and in, and returns a client holding the session itself (`setSession`), so several users
   * can be signed in at once in one process (they would otherwise share the fallback cookie in localStorage).
   */
  userClient(email: string, name?: string): Promise<{ client: Client; userId: string; session: string }>
  close(): Promise<void>
}

/**
 * The node emulator with the page's realtime shim in front of the SDK's WebSocket, fed from the engine's
 * events (rendered as the worker renders them) and answering identity questions from the engine.
 */
export const startRealtimeEmulator = (options: { messageLimit?: number | false } = {}): RealtimeEmulator => {
  let publish: ((events: EngineEvent[]) => void) | null = null
  const emu = startNodeEmulator({ onEvents: (events) => publish?.(events.map((e) => renderEventPayload(e))) })
  const g = globalThis as Record<string, any>
  // After msw's setupServer.listen(): msw must not see a WebSocket it would try to pass through.
  g.WebSocket = WebSocketStub
  Object.assign(g.window, { setTimeout, clearTimeout, setInterval, clearInterval })
  const frames: RealtimeEmulator['frames'] = []
  const realtime = installRealtime({
    endpoint: ENDPOINT,
    resolve: createIdentityResolver(emu.engine),
    listen: (fn) => {
      publish = fn
      return () => {
        publish = null
      }
    },
    messageLimit: options.messageLimit,
  })
  const send = realtime.hub.connect
  realtime.hub.connect = (transport) =>
    send.call(realtime.hub, {
      send: (text) => {
        frames.push(JSON.parse(text))
        transport.send(text)
      },
      close: (code, reason) => transport.close(code, reason),
    })
  return {
    ...emu,
    realtime,
    frames,
    async userClient(email, name = email) {
      const account = new Account(emu.client())
      const user = await account.create({ userId: ID.unique(), email, password: 'password123', name })
      await account.createEmailPasswordSession({ email, password: 'password123' })
      const storage = g.window.localStorage
      const session = JSON.parse(storage.getItem('cookieFallback'))[`a_session_${emu.projectId}`] as string
      emu.signOutLocally()
      return { client: emu.client().setSession(session), userId: user.$id, session }
    },
    async close() {
      // 1008: the SDK does not try to reconnect. Its close handlers need `window` for one more turn.
      realtime.stop(1008)
      await new Promise((resolve) => setTimeout(resolve, 0))
      delete g.WebSocket
      emu.close()
    },
  }
}

/** Collects a subscription's callbacks. */
export const collector = <T = any>() => {
  const received: T[] = []
  return { received, callback: (message: T) => void received.push(message) }
}

/** Waits until `check` passes (the SDK dispatches callbacks with `setTimeout`). */
export const eventually = async (check: () => void, timeout = 2000): Promise<void> => {
  const start = Date.now()
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() - start > timeout) throw error
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
}
