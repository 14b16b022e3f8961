import { BUILD_ID } from '../src/build-id.js'
import { type AdminEngine, createTestingAdminApi } from '../src/admin/index.js'
import type { AdminApi } from '../src/protocol.js'
import { createIdentityResolver } from '../src/realtime/resolve-identity.js'
import type { EndpointRegistry } from './endpoint-registry.js'

/** The worker side of the admin channel: what pages (and tests) may ask the engine to do. */
export const createAdminApi = (emulator: AdminEngine, endpoints: EndpointRegistry, instance: string): AdminApi => ({
  // reset, seed, export/import, outbox, request log, acting as a user, clock and IDs (src/admin)
  ...createTestingAdminApi(emulator),
  hello: () => ({ build: BUILD_ID, instance }),
  async configure({ projectId, endpoint, settings }) {
    // The project first: once the endpoint is registered, requests for it get answered.
    await emulator.engine.registerProject(projectId, settings ?? {})
    await endpoints.add(endpoint)
  },
  forgetEndpoint: (endpoint) => endpoints.remove(endpoint),
  realtimeIdentity: createIdentityResolver(emulator.engine),
})
