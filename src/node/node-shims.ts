/** A localStorage in memory: the web SDK keeps its session (`cookieFallback`) there. */
export class MemoryStorage {
  #items = new Map<string, string>()
  get length() {
    return this.#items.size
  }
  key = (index: number) => [...this.#items.keys()][index] ?? null
  getItem = (key: string) => this.#items.get(key) ?? null
  setItem = (key: string, value: string) => void this.#items.set(key, String(value))
  removeItem = (key: string) => void this.#items.delete(key)
  clear = () => this.#items.clear()
}

export interface NodeShims {
  /** The localStorage the SDK now uses: `clear()` it to sign out locally. */
  localStorage: MemoryStorage
  /** Puts back what was there before. */
  restore(): void
}

/**
 * What the web SDK needs from a browser to run fully in Node: a `window` with a `localStorage` (sessions are
 * kept in its `cookieFallback`) and timers (realtime pings), and a global `WebSocket` class for msw's `ws`
 * to intercept (Node 20 has none).
 * @note Call it before `setupServer(...)`/`server.listen()`: msw's socket interceptor wraps the WebSocket it
 * finds. The `window` has `addEventListener`, so msw does not take it for a browser without one.
 */
export const installNodeShims = async (): Promise<NodeShims> => {
  const g = globalThis as Record<string, unknown>
  const before = { window: g.window, WebSocket: g.WebSocket }
  const localStorage = new MemoryStorage()
  if (!g.WebSocket) g.WebSocket = (await import('ws')).WebSocket
  g.window = {
    localStorage,
    console: { ...console, warn: () => {} },
    setTimeout, clearTimeout, setInterval, clearInterval,
    addEventListener: () => {},
    removeEventListener: () => {},
    location: { href: 'http://localhost/', origin: 'http://localhost', protocol: 'http:', host: 'localhost' },
  }
  return {
    localStorage,
    restore() {
      g.window = before.window
      g.WebSocket = before.WebSocket
      if (before.window === undefined) delete g.window
      if (before.WebSocket === undefined) delete g.WebSocket
    },
  }
}
