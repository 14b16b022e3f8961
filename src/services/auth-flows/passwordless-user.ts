import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError, type ErrorType } from '../../errors/index.js'
import { resolveId } from '../common/validators.js'
import { newUser } from '../users/records.js'

export interface FoundUser {
  user: UserRecord
  /** Made by this request: insert it in the request's write (`insertUser`). */
  isNew: boolean
}

const assertRoomForUser = async (ctx: RequestContext) => {
  const limit = ctx.settings.auth?.limit ?? 0
  if (limit > 0 && (await ctx.store.db.table('users').count()) >= limit) throw new AppwriteError('user_count_exceeded')
}

/**
 * The user an email token is for: whoever has this exact email (`userId` is then ignored), else a new user
 * with `userId`, the email and no password.
 * @note The email OTP and magic URL flows do not lowercase the email, unlike sign-up and password login.
 * @param identityClash the error when an OAuth identity already has the email (it differs between the flows)
 */
export const userForEmail = async (ctx: RequestContext, userId: string, email: string, identityClash: ErrorType): Promise<FoundUser> => {
  const existing = (await ctx.store.db.table('users').where('email').equals(email).first()) as UserRecord | undefined
  if (existing) return { user: existing, isNew: false }
  await assertRoomForUser(ctx)
  if (await ctx.store.db.table('identities').where('providerEmail').equals(email).count()) throw new AppwriteError(identityClash)
  return { user: newUser(ctx, resolveId(userId, ctx.newId), { email }), isNew: true }
}

/** The user a phone token is for: whoever has this number, else a new user with `userId` and the number. */
export const userForPhone = async (ctx: RequestContext, userId: string, phone: string): Promise<FoundUser> => {
  const existing = (await ctx.store.db.table('users').where('phone').equals(phone).first()) as UserRecord | undefined
  if (existing) return { user: existing, isNew: false }
  await assertRoomForUser(ctx)
  return { user: newUser(ctx, resolveId(userId, ctx.newId), { phone }), isNew: true }
}
