import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'

/** Appwrite's provider names (`app/config/oAuthProviders.php`), plus its test-only `mock`. */
export const OAUTH_PROVIDERS = [
  'amazon', 'apple', 'appwrite', 'authentik', 'autodesk', 'bitbucket', 'bitly', 'box', 'dailymotion', 'discord',
  'disqus', 'dropbox', 'etsy', 'facebook', 'figma', 'fusionauth', 'github', 'gitlab', 'google', 'huggingface',
  'keycloak', 'kick', 'linkedin', 'microsoft', 'notion', 'oidc', 'okta', 'paypal', 'podio', 'salesforce', 'slack',
  'spotify', 'stripe', 'tradeshift', 'twitch', 'wordpress', 'x', 'yahoo', 'yammer', 'yandex', 'zoho', 'zoom', 'mock',
]

/**
 * The provider of the path, if Appwrite knows it and the project has not turned it off
 * (`auth.oauth2[name] === false` answers 412 `project_provider_disabled`; every provider is on by default).
 */
export const checkProvider = (ctx: RequestContext): string => {
  const provider = String(ctx.params.provider ?? '')
  if (!OAUTH_PROVIDERS.includes(provider)) throw invalidParam('provider', `Value must be one of (${OAUTH_PROVIDERS.join(', ')})`)
  if (ctx.settings.auth?.oauth2?.[provider] === false) throw new AppwriteError('project_provider_disabled')
  return provider
}

/** `http://host/base/v1`: where this request's API lives, so offwrite's own pages stay on the same origin. */
export const apiBase = (ctx: RequestContext): string =>
  ctx.url.origin + (/^(.*?)\/v1(?=\/|$)/.exec(ctx.url.pathname)?.[0] ?? '/v1')
