import { hashPassword } from '../../auth/passwords.js'
import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkEmail, checkPassword, checkText, resolveId } from '../common/validators.js'
import { accountView, insertUser, newUser } from '../users/records.js'
import { assertNoSession, prepareSession, sessionCreated, storeSession } from '../users/sessions.js'

/** Appwrite's `auths.limit`: 0 means no limit. */
export const assertUserLimit = async (ctx: RequestContext): Promise<void> => {
  const limit = ctx.settings.auth?.limit ?? 0
  if (limit > 0 && (await ctx.store.db.table('users').count()) >= limit) throw new AppwriteError('user_count_exceeded')
}

const assertNoPersonalData = (ctx: RequestContext, password: string, values: string[]) => {
  if (!ctx.settings.auth?.personalDataCheck) return
  const lower = password.toLowerCase()
  if (values.some((v) => v && lower.includes(v.toLowerCase()))) throw new AppwriteError('password_personal_data')
}

/** `POST /account`: a new user with email and password; no session, no event. */
export const createAccount = async (ctx: RequestContext) => {
  const id = resolveId(checkCustomId('userId', ctx.params.userId), ctx.newId)
  const email = checkEmail('email', ctx.params.email).toLowerCase()
  const password = checkPassword('password', ctx.params.password)
  const name = checkText('name', ctx.params.name ?? '', 128)
  await assertUserLimit(ctx)
  assertNoPersonalData(ctx, password, [id, email, email.split('@')[0], name])
  const hashed = await hashPassword(password)
  const user = newUser(ctx, id, {
    name,
    email,
    password: hashed.hash,
    hash: hashed.algorithm,
    hashOptions: hashed.options,
    passwordUpdate: formatDate(ctx.now),
  })
  await ctx.store.write((w) => insertUser(w, ctx, user))
  return reply({ status: 201, body: await accountView(ctx, user) })
}

/** `POST /account/sessions/anonymous`: a user with no email or password, signed in at once. */
export const createAnonymousSession = async (ctx: RequestContext) => {
  assertNoSession(ctx)
  await assertUserLimit(ctx)
  const user = newUser(ctx, ctx.newId())
  const issued = await prepareSession(ctx, user, { provider: 'anonymous', providerUid: '', factors: ['anonymous'] })
  await ctx.store.write(async (w) => {
    await insertUser(w, ctx, user)
    await storeSession(w, ctx, issued)
  })
  return sessionCreated(ctx, issued)
}
