import 'fake-indexeddb/auto'
import { Client } from 'appwrite'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { type Engine, type EngineOptions, createEngine } from '../../src/engine/index.js'
import { allServices } from '../../src/services/index.js'

export const ENDPOINT = 'http://offwrite.test/v1'

/** An in-memory localStorage: the web SDK keeps its fallback-cookie session there. */
class MemoryStorage {
  #items = new Map<string, string>()
  getItem = (key: string) => this.#items.get(key) ?? null
  setItem = (key: string, value: string) => void this.#items.set(key, String(value))
  removeItem = (key: string) => void this.#items.delete(key)
  clear = () => this.#items.clear()
}

let counter = 0

export interface NodeEmulator {
  engine: Engine
  projectId: string
  /** A web-SDK client for this project. Its session lives in the shared fake localStorage. */
  client(): Client
  /** Forgets the SDK's stored session (as a fresh browser would). */
  signOutLocally(): void
  /** Sends a raw request through the engine (for wire-level assertions). */
  fetch(path: string, init?: RequestInit): Promise<Response>
  close(): void
}

/**
 * The engine in Node behind msw's `setupServer`, on fake-indexeddb, answering the official web SDK.
 * Each call gets its own databases, so tests are isolated.
 * @example
 * const emu = startNodeEmulator(); const account = new Account(emu.client())
 */
export const startNodeEmulator = (options: Partial<EngineOptions> & { projectId?: string } = {}): NodeEmulator => {
  const projectId = options.projectId ?? 'test'
  const engine = createEngine({
    services: allServices,
    projects: [projectId],
    dbPrefix: `offwrite-test-${process.pid}-${++counter}`,
    ...options,
  })
  const server = setupServer(http.all(`${ENDPOINT}/*`, ({ request }) => engine.handle(request)))
  server.listen({ onUnhandledRequest: 'error' })
  const storage = new MemoryStorage()
  // The SDK's cookie fallback reads window.localStorage and warns on window.console when it stores a session.
  ;(globalThis as { window?: unknown }).window = { localStorage: storage, console: { ...console, warn: () => {} } }
  return {
    engine,
    projectId,
    client: () => new Client().setEndpoint(ENDPOINT).setProject(projectId),
    signOutLocally: () => storage.clear(),
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers)
      if (!headers.has('x-appwrite-project')) headers.set('x-appwrite-project', projectId)
      return engine.handle(new Request(`${ENDPOINT}${path}`, { ...init, headers }))
    },
    close: () => {
      server.close()
      engine.close()
      delete (globalThis as { window?: unknown }).window
    },
  }
}
