import type { RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { requireUser } from '../account/require-user.js'

/** `DELETE /account/identities/:id`: unlinks one of the caller's own OAuth2 identities. */
export const deleteIdentity = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const identity = await ctx.store.db.table('identities').get(String(ctx.params.identityId))
  if (!identity || identity.userId !== user.$id) throw new AppwriteError('user_identity_not_found')
  await ctx.store.write((w) => w.delete('identities', identity.$id))
  return undefined
}
