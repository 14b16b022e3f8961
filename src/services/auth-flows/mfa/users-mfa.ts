import type { RequestContext } from '../../../engine/context.js'
import { checkUid } from '../../common/validators.js'
import { getUserOrThrow, saveUser, userView } from '../../users/records.js'
import { removeAuthenticator } from './account-mfa.js'
import { factorsView } from './records.js'
import { createCodesFor, readCodesOf, renewCodesOf } from './recovery-codes.js'

/** The MFA routes of the server Users API (API key): the same state the account routes manage. */
const pathUser = (ctx: RequestContext) => getUserOrThrow(ctx, checkUid('userId', ctx.params.userId))

export const usersUpdateMfa = async (ctx: RequestContext) => {
  const user = await pathUser(ctx)
  let saved = user
  await ctx.store.write(async (w) => {
    saved = await saveUser(w, ctx, user, { mfa: ctx.params.mfa as boolean })
    w.emit(ctx.event([`users.${user.$id}.update.mfa`], 'user', await userView(ctx, saved), [`user:${user.$id}`]))
  })
  return userView(ctx, saved)
}

export const usersListMfaFactors = async (ctx: RequestContext) => factorsView(ctx, await pathUser(ctx))

export const usersDeleteMfaAuthenticator = async (ctx: RequestContext) => {
  await removeAuthenticator(ctx, await pathUser(ctx))
  return undefined
}

export const usersGetMfaRecoveryCodes = async (ctx: RequestContext) => readCodesOf(ctx, await pathUser(ctx))
export const usersCreateMfaRecoveryCodes = async (ctx: RequestContext) => createCodesFor(ctx, await pathUser(ctx))
export const usersUpdateMfaRecoveryCodes = async (ctx: RequestContext) => renewCodesOf(ctx, await pathUser(ctx))
