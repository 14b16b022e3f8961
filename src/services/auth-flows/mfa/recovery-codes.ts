import { type RequestContext, type UserRecord, reply } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { randomHex } from '../../../util/id.js'
import { requireUser } from '../../account/require-user.js'
import { assertRecentChallenge } from './enforce.js'
import { recoveryCodesOf } from './records.js'

/** Six single-use codes of ten hex characters (`Type::generateBackupCodes`). */
const newCodes = () => Array.from({ length: 6 }, () => randomHex(10))

const saveCodes = async (ctx: RequestContext, user: UserRecord, codes: string[]) => {
  await ctx.store.write(async (w) => {
    await w.put('mfaRecoveryCodes', { userId: user.$id, codes })
    w.emit(ctx.event([`users.${user.$id}.update.mfa`], 'mfaRecoveryCodes', { recoveryCodes: codes }, [`user:${user.$id}`]))
  })
  return { recoveryCodes: codes }
}

/** Creates the user's codes; a user who has some already gets 409 `user_recovery_codes_already_exists`. */
export const createCodesFor = async (ctx: RequestContext, user: UserRecord) => {
  if ((await recoveryCodesOf(ctx, user.$id)).length) throw new AppwriteError('user_recovery_codes_already_exists')
  return saveCodes(ctx, user, newCodes())
}

export const readCodesOf = async (ctx: RequestContext, user: UserRecord) => {
  const codes = await recoveryCodesOf(ctx, user.$id)
  if (!codes.length) throw new AppwriteError('user_recovery_codes_not_found')
  return { recoveryCodes: codes }
}

/** Replaces the user's codes with new ones; there must be codes to replace. */
export const renewCodesOf = async (ctx: RequestContext, user: UserRecord) => {
  await readCodesOf(ctx, user)
  return saveCodes(ctx, user, newCodes())
}

export const createRecoveryCodes = async (ctx: RequestContext) => reply({ status: 201, body: await createCodesFor(ctx, requireUser(ctx)) })

export const getRecoveryCodes = (ctx: RequestContext) => {
  assertRecentChallenge(ctx)
  return readCodesOf(ctx, requireUser(ctx))
}

export const updateRecoveryCodes = (ctx: RequestContext) => {
  assertRecentChallenge(ctx)
  return renewCodesOf(ctx, requireUser(ctx))
}
