import type { RequestContext } from '../../../engine/context.js'
import { escapeHtml, htmlPage } from './html.js'
import { apiBase, checkProvider } from './providers.js'
import { decodeState } from './state.js'

interface KnownIdentity {
  providerUid: string
  providerEmail: string
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`

const title = (provider: string) => provider.charAt(0).toUpperCase() + provider.slice(1)

/**
 * `GET /v1/offwrite/oauth2/:provider/authorize` (offwrite's own page, standing in for the provider's): pick
 * an identity this provider already knows in the project, or type one, then continue or cancel.
 */
export const authorizePage = async (ctx: RequestContext) => {
  const provider = checkProvider(ctx)
  const state = String(ctx.params.state ?? '')
  decodeState(state)
  const action = `${apiBase(ctx)}/offwrite/oauth2/${provider}/callback`
  const common = hidden('project', ctx.projectId) + hidden('state', state)
  const known = (await ctx.store.db.table('identities').toArray()) as Array<KnownIdentity & { provider: string }>
  const buttons = known
    .filter((i) => i.provider === provider && i.providerEmail)
    .map((i) =>
      `<form method="get" action="${escapeHtml(action)}">${common}${hidden('email', i.providerEmail)}${hidden('id', i.providerUid)}${hidden('verified', 'true')}` +
      `<button type="submit">Continue as ${escapeHtml(i.providerEmail)}</button></form>`,
    )
    .join('')
  const body = `<h1>Sign in with ${escapeHtml(title(provider))}</h1>
<p>offwrite stands in for ${escapeHtml(title(provider))}: choose or type the identity to sign in with. Nothing leaves this browser.</p>
${buttons ? `<div class="known">${buttons}</div><p>Or another identity:</p>` : ''}
<form method="get" action="${escapeHtml(action)}">${common}
<label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="off" placeholder="ada@example.com">
<label for="name">Name</label><input id="name" name="name" type="text" autocomplete="off" placeholder="Ada Lovelace">
<label for="id">Provider user ID (optional)</label><input id="id" name="id" type="text" autocomplete="off" placeholder="derived from the email">
<label class="check"><input name="verified" type="checkbox" value="true" checked> The provider has verified this address</label>
<div class="row"><button class="primary" type="submit">Continue</button>
<button type="submit" name="cancel" value="true" formnovalidate>Cancel</button></div>
</form>`
  return htmlPage(`Sign in with ${title(provider)}`, body)
}
