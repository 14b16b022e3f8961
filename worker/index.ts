/**
 * @module offwrite-sw — the service worker (bundled to `dist/offwrite-sw.js`, a classic script). It answers
 * the Appwrite SDK's requests to registered endpoints from IndexedDB through one engine, and lets pages
 * administer it over comlink.
 */
import * as Comlink from 'comlink'
import { createStore } from 'idb-keyval'
import { createAdminEngine, keptDeterminism } from '../src/admin/index.js'
import { EVENTS_CHANNEL, type BroadcastMessage, type WorkerMessage, isPageMessage } from '../src/protocol.js'
import { renderEventPayload } from '../src/realtime/render-payload.js'
import { allServices } from '../src/services/index.js'
import { setHashOffload } from '../src/services/storage/hash-offload.js'
import { createAdminApi } from './admin-api.js'
import { EndpointRegistry } from './endpoint-registry.js'
import { createFetchHandler } from './handle-fetch.js'
import { createPortOffload } from './hash-offload.js'
import { SessionMemory } from './session-memory.js'

const sw = self as unknown as ServiceWorkerGlobalScope

const events = new BroadcastChannel(EVENTS_CHANNEL)
const broadcast = (message: BroadcastMessage) => {
  try {
    events.postMessage(message)
  } catch (error) {
    // The write is committed: a payload that cannot be cloned must not turn its request into an error.
    console.warn('[offwrite] could not broadcast engine events', error)
  }
}
// The worker's own small state (endpoints, remembered sessions), apart from the projects' databases.
const state = createStore('offwrite-worker', 'state')
// A fixed test clock and ID sequence are kept in the state store too (see src/admin).
const kept = keptDeterminism(state)
const emulator = createAdminEngine({
  services: allServices,
  // Rendered here, so raw records (password hashes, token secrets) never reach a page.
  onEvents: (list) => broadcast({ type: 'offwrite/events', events: list.map((event) => renderEventPayload(event)) }),
  determinism: kept.load(),
  onDeterminismChange: kept.save,
})
const { engine } = emulator
const endpoints = new EndpointRegistry(state)
const sessions = new SessionMemory(state)
const admin = createAdminApi(emulator, endpoints, crypto.randomUUID())
// The Playwright fixture (`offwrite/playwright`) calls the admin API inside the worker, where no page is needed.
;(sw as unknown as { offwrite?: unknown }).offwrite = admin

// Take over at once, including pages that loaded before this worker existed (notes §2d). Until now the
// previous worker answered, and may have registered endpoints after this one read them.
sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()))
sw.addEventListener('activate', (event) =>
  event.waitUntil(Promise.all([endpoints.refresh(), sessions.refresh()]).then(() => sw.clients.claim())),
)

sw.addEventListener('fetch', createFetchHandler({ engine, endpoints, sessions }))

// Upload signatures are hashed on a page's worker when a page hands one over; pages are asked at every start.
const hashing = createPortOffload()
setHashOffload(hashing)
void sw.clients.matchAll({ type: 'window' }).then((pages) => {
  for (const page of pages) page.postMessage({ type: 'offwrite/want-hasher' } satisfies WorkerMessage)
})

sw.addEventListener('message', (event) => {
  if (!isPageMessage(event.data)) return
  if (event.data.type === 'offwrite/connect' && event.ports[0]) Comlink.expose(admin, event.ports[0])
  if (event.data.type === 'offwrite/claim') event.waitUntil(sw.clients.claim())
  if (event.data.type === 'offwrite/hasher' && event.ports[0]) hashing.addPort(event.ports[0])
})
