import type { RouteSpec } from '../../../engine/route-spec.js'

const query = (name: string) => ({ name, in: 'query' as const, type: 'string', required: false })
const page = (operationId: string, step: string, params: string[]): RouteSpec => ({
  operationId,
  method: 'GET',
  path: `/offwrite/oauth2/{provider}/${step}`,
  service: 'offwrite',
  scopes: [],
  group: null,
  source: 'client',
  params: [{ name: 'provider', in: 'path', type: 'string', required: true }, ...params.map(query)],
  response: { status: 200, model: null, models: null, binary: false },
})

/** offwrite's stand-in for an OAuth2 provider: its sign-in page and the callback that page submits to. */
export const oauthRoutes: RouteSpec[] = [
  page('offwriteOAuth2Authorize', 'authorize', ['state']),
  page('offwriteOAuth2Callback', 'callback', ['state', 'email', 'name', 'id', 'verified', 'cancel']),
]
