import type { ServiceDefinition } from '../engine/context.js'
import { applyRequestFilters } from './request-filters/index.js'
import { selectRelationshipsForOldClients } from './relationship-selects.js'
import { routeAliases } from './route-aliases.js'

/**
 * Older SDKs (web 11 → 26, response formats 1.0 → 1.9): the route aliases they still call, and their params
 * brought up to today's API before any handler reads them. Responses are shaped back down in `src/formats`.
 */
export const compatService: ServiceDefinition = {
  name: 'compat',
  routes: {},
  extraRoutes: routeAliases,
  async guard(ctx) {
    ctx.params = applyRequestFilters(ctx.format, ctx.route.operationId, ctx.params)
    await selectRelationshipsForOldClients(ctx)
  },
}

export { legacyQueryToJson } from './legacy-query.js'
export { applyRequestFilters } from './request-filters/index.js'
