import { hashPassword } from '../../auth/passwords.js'
import { type RequestContext, type UserRecord, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { linkWith, projectName, sendMessage, wording } from '../../outbox/index.js'
import { randomHex } from '../../util/id.js'
import { formatDate } from '../../util/time.js'
import { checkEmail, checkPassword, checkText, checkUid } from '../common/validators.js'
import { saveUser } from '../users/records.js'
import { nextPasswordHistory } from './password-history.js'
import { checkRedirectUrl } from './redirect-url.js'
import { CONFIRM_SECONDS, type TokenRecord, TokenType, findToken, newToken, tokenView } from './tokens.js'

const recoveryEvent = (ctx: RequestContext, token: TokenRecord, action: 'create' | 'update') =>
  ctx.event([`users.${token.userId}.recovery.${token.$id}.${action}`], 'token', tokenView(token), [`user:${token.userId}`])

/**
 * `POST /account/recovery`: a 256-hex secret, valid 1 hour, emailed as a link to `url`.
 * @note An unknown email is a 404 `user_not_found`, as in Appwrite (which so reveals who has an account).
 */
export const createRecovery = async (ctx: RequestContext) => {
  const email = checkEmail('email', ctx.params.email).toLowerCase()
  const url = checkRedirectUrl('url', ctx.params.url)
  const user = (await ctx.store.db.table('users').where('email').equals(email).first()) as UserRecord | undefined
  if (!user) throw new AppwriteError('user_not_found')
  if (user.status === false) throw new AppwriteError('user_blocked')
  const secret = randomHex(256)
  const token = await newToken(ctx, user.$id, TokenType.recovery, secret, CONFIRM_SECONDS)
  const link = linkWith(url, { userId: user.$id, secret, expire: token.expire })
  await ctx.store.write(async (w) => {
    await w.add('tokens', token)
    const text = wording.recovery({ project: projectName(ctx), user: user.name, link })
    await sendMessage(w, ctx, { channel: 'email', kind: 'recovery', to: email, userId: user.$id, ...text, link, secret, data: { tokenId: token.$id } })
    w.emit(recoveryEvent(ctx, token, 'create'))
  })
  return reply({ status: 201, body: tokenView(token, secret) })
}

/**
 * `PUT /account/recovery`: sets the new password with the emailed secret. It also verifies the email and,
 * with `auths.invalidateSessions`, ends every session. It signs nobody in.
 */
export const updateRecovery = async (ctx: RequestContext) => {
  const userId = checkUid('userId', ctx.params.userId)
  const secret = checkText('secret', ctx.params.secret, 256)
  const password = checkPassword('password', ctx.params.password)
  const user = (await ctx.store.db.table('users').get(userId)) as UserRecord | undefined
  if (!user) throw new AppwriteError('user_not_found')
  const token = await findToken(ctx, userId, secret, [TokenType.recovery])
  if (!token) throw new AppwriteError('user_invalid_token')
  const hashed = await hashPassword(password)
  const passwordHistory = await nextPasswordHistory(ctx, user, password, hashed.hash)
  await ctx.store.write(async (w) => {
    await saveUser(w, ctx, user, {
      password: hashed.hash,
      hash: hashed.algorithm,
      hashOptions: hashed.options,
      passwordUpdate: formatDate(ctx.now),
      passwordHistory,
      emailVerification: true,
    })
    if (ctx.settings.auth?.invalidateSessions) {
      await w.bulkDelete('sessions', await w.table('sessions').where('userId').equals(userId).primaryKeys())
    }
    await w.delete('tokens', token.$id)
    w.emit(recoveryEvent(ctx, token, 'update'))
  })
  return tokenView(token)
}
