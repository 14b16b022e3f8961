import type { Engine } from '../src/engine/index.js'
import type { EndpointRegistry } from './endpoint-registry.js'
import type { SessionMemory } from './session-memory.js'

interface Parts {
  engine: Engine
  endpoints: EndpointRegistry
  sessions: SessionMemory
}

/**
 * The `fetch` listener: requests below a registered endpoint go to the engine; every other request is left
 * alone (no `respondWith`), so the browser handles it as if there were no worker.
 * @note Right after the browser starts the worker, the endpoint list is still being read from IndexedDB,
 * and `respondWith` cannot wait for it. Requests that look like API calls (`/v1`) are then held and, if no
 * endpoint claims them, fetched unchanged.
 */
export const createFetchHandler = ({ engine, endpoints, sessions }: Parts) => {
  const answer = async (event: FetchEvent, unsure: boolean): Promise<Response> => {
    if (unsure && !(await endpoints.matchLater(event.request.url))) return fetch(event.request)
    // The session memory is a convenience: if IndexedDB fails it, the request is still answered.
    const request = await sessions.prepare(event.request, event.clientId).catch(() => event.request)
    const response = await engine.handle(request)
    await sessions.observe(request, event.clientId, response).catch(() => {})
    event.waitUntil(sessions.saved())
    return response
  }

  return (event: FetchEvent): void => {
    const known = endpoints.match(event.request.url)
    if (known === false || (known === undefined && !engine.owns(event.request))) return
    event.respondWith(answer(event, known === undefined))
  }
}
