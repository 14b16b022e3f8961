import { type RequestContext, reply } from '../../../engine/context.js'
import { baseHeaders } from '../../../engine/respond.js'
import { checkRedirectUrl } from '../redirect-url.js'
import { apiBase, checkProvider } from './providers.js'
import { encodeState } from './state.js'

/** Headers Appwrite puts on every OAuth redirect. */
export const redirectTo = (location: string) => {
  const headers = baseHeaders()
  headers.set('Location', location)
  headers.set('Cache-Control', 'no-store, no-cache, must-revalidate, max-age=0')
  headers.set('Pragma', 'no-cache')
  return reply({ response: new Response(null, { status: 301, headers }) })
}

/**
 * `GET /account/sessions/oauth2/:provider` and `GET /account/tokens/oauth2/:provider` (the SDK navigates here):
 * instead of the provider's authorize URL, a 301 to offwrite's own sign-in page for that provider, on the same
 * origin, where a fake identity is chosen or typed.
 */
const start = (token: boolean) => async (ctx: RequestContext) => {
  const provider = checkProvider(ctx)
  const consoleUrl = (path: string) => `${ctx.url.origin}/console/auth/oauth2/${path}`
  const success = ctx.params.success ? checkRedirectUrl('success', ctx.params.success) : consoleUrl('success')
  const failure = ctx.params.failure ? checkRedirectUrl('failure', ctx.params.failure) : consoleUrl('failure')
  const page = new URL(`${apiBase(ctx)}/offwrite/oauth2/${provider}/authorize`)
  page.searchParams.set('project', ctx.projectId)
  page.searchParams.set('state', encodeState({ success, failure, token }))
  return redirectTo(page.toString())
}

export const createOAuth2Session = start(false)
export const createOAuth2Token = start(true)
