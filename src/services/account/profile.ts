import { hashPassword, verifyPassword } from '../../auth/passwords.js'
import { type RequestContext, type UserRecord, reply } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import type { Writer } from '../../store/write-path.js'
import { formatDate } from '../../util/time.js'
import { checkEmail, checkPassword, checkPhone, checkText } from '../common/validators.js'
import { accountView, retarget, saveUser } from '../users/records.js'
import { LOGGED_OUT } from '../users/sessions.js'
import { nextPasswordHistory } from '../auth-flows/password-history.js'
import { requireUser } from './require-user.js'

/** Saves the change, announces `users.<id>.update.<what>` and answers with the Account model. */
const updateAccount = async (
  ctx: RequestContext,
  what: string,
  change: (w: Writer, user: UserRecord) => Promise<Partial<UserRecord>>,
) => {
  const user = requireUser(ctx)
  let saved = user
  await ctx.store.write(async (w) => {
    saved = await saveUser(w, ctx, user, await change(w, user))
    w.emit(ctx.event([`users.${user.$id}.update.${what}`], 'user', await accountView(ctx, saved), [`user:${user.$id}`]))
  })
  return accountView(ctx, saved)
}

const hasPassword = (user: UserRecord) => !!user.password && !!user.passwordUpdate

/** Checks the current password, if the user has one (anonymous and OAuth users have none). */
const checkCurrentPassword = async (user: UserRecord, password: string | undefined): Promise<void> => {
  if (!hasPassword(user)) return
  const ok =
    password !== undefined &&
    (await verifyPassword(password, { hash: user.password ?? '', algorithm: user.hash ?? 'argon2', options: user.hashOptions ?? {} }))
  if (!ok) throw new AppwriteError('user_invalid_credentials')
}

export const getAccount = async (ctx: RequestContext) => accountView(ctx, requireUser(ctx))

export const updateName = (ctx: RequestContext) => {
  const name = checkText('name', ctx.params.name, 128)
  return updateAccount(ctx, 'name', async () => ({ name }))
}

export const getPrefs = async (ctx: RequestContext) => requireUser(ctx).prefs ?? {}

export const updatePrefs = (ctx: RequestContext) => {
  const prefs = ctx.params.prefs as Record<string, unknown>
  if (JSON.stringify(prefs).length > 65_535) throw invalidParam('prefs', 'Value must be a valid object.')
  return updateAccount(ctx, 'prefs', async () => ({ prefs }))
}

/**
 * `PATCH /account/email`. A user without a password (anonymous, OAuth) sets one here: this is how an anonymous
 * account becomes a full one.
 */
export const updateEmail = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const email = checkEmail('email', ctx.params.email).toLowerCase()
  const password = checkPassword('password', ctx.params.password)
  await checkCurrentPassword(user, password)
  const hashed = hasPassword(user) ? null : await hashPassword(password)
  return updateAccount(ctx, 'email', async (w) => {
    if (await w.table('targets').where('identifier').equals(email).count()) throw new AppwriteError('user_target_already_exists')
    if (await w.table('users').where('email').equals(email).count()) throw new AppwriteError('general_bad_request')
    await retarget(w, ctx, user.$id, 'email', email)
    return {
      email,
      emailVerification: false,
      ...(hashed && {
        password: hashed.hash,
        hash: hashed.algorithm,
        hashOptions: hashed.options,
        passwordUpdate: formatDate(ctx.now),
      }),
    }
  })
}

export const updatePhone = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const phone = checkPhone('phone', ctx.params.phone)
  const password = checkPassword('password', ctx.params.password)
  await checkCurrentPassword(user, password)
  return updateAccount(ctx, 'phone', async (w) => {
    if (await w.table('targets').where('identifier').equals(phone).count()) throw new AppwriteError('user_target_already_exists')
    if (await w.table('users').where('phone').equals(phone).count()) throw new AppwriteError('user_phone_already_exists')
    await retarget(w, ctx, user.$id, 'sms', phone)
    return { phone, phoneVerification: false }
  })
}

export const updatePassword = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const password = checkPassword('password', ctx.params.password)
  await checkCurrentPassword(user, ctx.params.oldPassword as string | undefined)
  const hashed = await hashPassword(password)
  const passwordHistory = await nextPasswordHistory(ctx, user, password, hashed.hash)
  return updateAccount(ctx, 'password', async (w) => {
    if (ctx.settings.auth?.invalidateSessions) {
      // Appwrite's `invalidateSessions`: a password change signs out every other session.
      const others = await w.table('sessions').where('userId').equals(user.$id).primaryKeys()
      await w.bulkDelete('sessions', others.filter((id) => id !== ctx.caller.session?.$id))
    }
    return {
      password: hashed.hash,
      hash: hashed.algorithm,
      hashOptions: hashed.options,
      passwordUpdate: formatDate(ctx.now),
      passwordHistory,
    }
  })
}

/** `PATCH /account/status`: blocks the caller and signs the SDK out. */
export const updateStatus = async (ctx: RequestContext) => {
  const body = await updateAccount(ctx, 'status', async () => ({ status: false }))
  return reply({ body, headers: { 'X-Fallback-Cookies': LOGGED_OUT } })
}

export const listIdentities = async (ctx: RequestContext) => {
  const identities = await ctx.store.db.table('identities').where('userId').equals(requireUser(ctx).$id).toArray()
  return { total: identities.length, identities }
}
