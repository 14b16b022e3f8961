import { BUILD_ID } from '../src/build-id.js'
import type { Engine } from '../src/engine/index.js'
import type { AdminApi } from '../src/protocol.js'
import type { EndpointRegistry } from './endpoint-registry.js'

/** The worker side of the admin channel: what pages (and tests) may ask the engine to do. */
export const createAdminApi = (engine: Engine, endpoints: EndpointRegistry, instance: string): AdminApi => ({
  hello: () => ({ build: BUILD_ID, instance }),
  async configure({ projectId, endpoint, settings }) {
    // The project first: once the endpoint is registered, requests for it get answered.
    await engine.registerProject(projectId, settings ?? {})
    await endpoints.add(endpoint)
  },
  forgetEndpoint: (endpoint) => endpoints.remove(endpoint),
  reset: (projectId) => engine.reset(projectId),
})
