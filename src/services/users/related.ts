import type { RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { checkUid } from '../common/validators.js'
import { getUserOrThrow } from './records.js'

const pathUser = (ctx: RequestContext) => getUserOrThrow(ctx, checkUid('userId', ctx.params.userId))

export const listTargets = async (ctx: RequestContext) => {
  const targets = await ctx.store.db.table('targets').where('userId').equals((await pathUser(ctx)).$id).toArray()
  return { total: targets.length, targets }
}

export const getTarget = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  const target = await ctx.store.db.table('targets').get(String(ctx.params.targetId))
  if (!target || target.userId !== user.$id) throw new AppwriteError('user_target_not_found')
  return target
}

/** Memberships live in the teams service's store, when it is there. */
export const listMemberships = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  if (!ctx.store.schema.memberships) return { total: 0, memberships: [] }
  const memberships = await ctx.store.db.table('memberships').where('userId').equals(user.$id).toArray()
  return { total: memberships.length, memberships }
}

export const listIdentities = async (ctx: RequestContext) => {
  const identities = await ctx.store.db.table('identities').toArray()
  return { total: identities.length, identities }
}

export const deleteIdentity = async (ctx: RequestContext) => {
  const identity = await ctx.store.db.table('identities').get(String(ctx.params.identityId))
  if (!identity) throw new AppwriteError('user_identity_not_found')
  await ctx.store.write((w) => w.delete('identities', identity.$id))
  return undefined
}

/** offwrite keeps no audit log yet: the list is always empty (documented). */
export const listLogs = async (ctx: RequestContext) => {
  await pathUser(ctx)
  return { total: 0, logs: [] }
}
