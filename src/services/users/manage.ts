import { hashPassword } from '../../auth/passwords.js'
import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import type { Writer } from '../../store/write-path.js'
import { formatDate } from '../../util/time.js'
import { checkEmail, checkPassword, checkPhone, checkText, checkUid } from '../common/validators.js'
import { deleteUserCascade, getUserOrThrow, retarget, saveUser, userView } from './records.js'

/** Loads the user of the path, applies `change` through the write path and announces `users.<id>.update.<what>`. */
const updateUser = async (
  ctx: RequestContext,
  what: string,
  change: (w: Writer, user: UserRecord) => Promise<Partial<UserRecord>>,
) => {
  const user = await getUserOrThrow(ctx, checkUid('userId', ctx.params.userId))
  let saved = user
  await ctx.store.write(async (w) => {
    saved = await saveUser(w, ctx, user, await change(w, user))
    w.emit(ctx.event([`users.${user.$id}.update.${what}`], 'user', await userView(ctx, saved), [`user:${user.$id}`]))
  })
  return userView(ctx, saved)
}

export const getUser = async (ctx: RequestContext) => userView(ctx, await getUserOrThrow(ctx, checkUid('userId', ctx.params.userId)))

export const deleteUser = async (ctx: RequestContext) => {
  const user = await getUserOrThrow(ctx, checkUid('userId', ctx.params.userId))
  const view = await userView(ctx, user)
  await ctx.store.write(async (w) => {
    await deleteUserCascade(w, user.$id)
    w.emit(ctx.event([`users.${user.$id}.delete`], 'user', view, [`user:${user.$id}`]))
  })
  return undefined
}

export const updateName = (ctx: RequestContext) => {
  const name = checkText('name', ctx.params.name, 128)
  return updateUser(ctx, 'name', async () => ({ name }))
}

export const updateEmail = (ctx: RequestContext) => {
  const email = checkEmail('email', ctx.params.email).toLowerCase()
  return updateUser(ctx, 'email', async (w, user) => {
    const owner = await w.table('users').where('email').equals(email).first()
    if (owner && owner.$id !== user.$id) throw new AppwriteError('user_email_already_exists')
    await retarget(w, ctx, user.$id, 'email', email)
    return { email, emailVerification: false }
  })
}

export const updatePhone = (ctx: RequestContext) => {
  const phone = checkPhone('number', ctx.params.number)
  return updateUser(ctx, 'phone', async (w, user) => {
    const owner = await w.table('users').where('phone').equals(phone).first()
    if (owner && owner.$id !== user.$id) throw new AppwriteError('user_phone_already_exists')
    await retarget(w, ctx, user.$id, 'sms', phone)
    return { phone, phoneVerification: false }
  })
}

export const updatePassword = async (ctx: RequestContext) => {
  const password = checkPassword('password', ctx.params.password)
  const hashed = await hashPassword(password)
  return updateUser(ctx, 'password', async () => ({
    password: hashed.hash,
    hash: hashed.algorithm,
    hashOptions: hashed.options,
    passwordUpdate: formatDate(ctx.now),
  }))
}

export const updateStatus = (ctx: RequestContext) =>
  updateUser(ctx, 'status', async () => ({ status: ctx.params.status as boolean }))

export const updateEmailVerification = (ctx: RequestContext) =>
  updateUser(ctx, 'verification', async () => ({ emailVerification: ctx.params.emailVerification as boolean }))

export const updatePhoneVerification = (ctx: RequestContext) =>
  updateUser(ctx, 'verification', async () => ({ phoneVerification: ctx.params.phoneVerification as boolean }))

const LABEL = /^[a-zA-Z0-9]{1,36}$/

/** `PUT /users/:id/labels` replaces the labels; each grants the role `label:<name>`. */
export const updateLabels = (ctx: RequestContext) => {
  const labels = ctx.params.labels as unknown[]
  if (labels.length > 1000 || labels.some((l) => typeof l !== 'string' || !LABEL.test(l))) {
    throw invalidParam('labels', 'Value must a valid array no longer than 1000 items and Value must be a valid string and at least 1 chars and no longer than 36 chars and only alphanumeric chars')
  }
  return updateUser(ctx, 'labels', async () => ({ labels: [...new Set(labels as string[])] }))
}

export const getPrefs = async (ctx: RequestContext) => (await getUserOrThrow(ctx, checkUid('userId', ctx.params.userId))).prefs ?? {}

export const updatePrefs = async (ctx: RequestContext) => {
  const prefs = ctx.params.prefs as Record<string, unknown>
  await updateUser(ctx, 'prefs', async () => ({ prefs }))
  return prefs
}
