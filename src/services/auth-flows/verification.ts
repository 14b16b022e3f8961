import { type RequestContext, type UserRecord, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { linkWith, projectName, sendMessage, wording } from '../../outbox/index.js'
import { randomHex } from '../../util/id.js'
import { checkText, checkUid } from '../common/validators.js'
import { requireUser } from '../account/require-user.js'
import { saveUser } from '../users/records.js'
import { phoneCode, sendCodeBySms } from './phone-token.js'
import { checkRedirectUrl } from './redirect-url.js'
import { CONFIRM_SECONDS, type TokenRecord, TokenType, findToken, newToken, tokenView } from './tokens.js'

const verificationEvent = (ctx: RequestContext, token: TokenRecord, action: 'create' | 'update') =>
  ctx.event([`users.${token.userId}.verification.${token.$id}.${action}`], 'token', tokenView(token), [`user:${token.userId}`])

/** `POST /account/verifications/email`: a 256-hex secret, valid 1 hour, emailed as a link to `url`. */
export const createEmailVerification = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  const url = checkRedirectUrl('url', ctx.params.url)
  if (!user.email) throw new AppwriteError('user_email_not_found')
  if (user.emailVerification) throw new AppwriteError('user_email_already_verified')
  const secret = randomHex(256)
  const token = await newToken(ctx, user.$id, TokenType.verification, secret, CONFIRM_SECONDS)
  const link = linkWith(url, { userId: user.$id, secret, expire: token.expire })
  await ctx.store.write(async (w) => {
    await w.add('tokens', token)
    const text = wording.verification({ project: projectName(ctx), user: user.name, link })
    await sendMessage(w, ctx, { channel: 'email', kind: 'verification', to: user.email ?? '', userId: user.$id, ...text, link, secret, data: { tokenId: token.$id } })
    w.emit(verificationEvent(ctx, token, 'create'))
  })
  return reply({ status: 201, body: tokenView(token, secret) })
}

/** `POST /account/verifications/phone`: a six-digit code, valid 1 hour, by SMS (none for a mock number). */
export const createPhoneVerification = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  if (!user.phone) throw new AppwriteError('user_phone_not_found')
  if (user.phoneVerification) throw new AppwriteError('user_phone_already_verified')
  const { code, mock } = phoneCode(ctx, user.phone)
  // @note Appwrite makes a phone *login* token here, so the code would also sign in with createSession.
  const token = await newToken(ctx, user.$id, TokenType.phone, code, CONFIRM_SECONDS)
  await ctx.store.write(async (w) => {
    await w.add('tokens', token)
    if (!mock) await sendCodeBySms(w, ctx, 'phoneVerification', user.phone ?? '', user.$id, code, { tokenId: token.$id })
    w.emit(verificationEvent(ctx, token, 'create'))
  })
  return reply({ status: 201, body: tokenView(token, code) })
}

/** Completes a verification: no session needed, the secret proves it. Answers with the consumed token. */
const completeVerification = async (ctx: RequestContext, type: number, change: Partial<UserRecord>) => {
  const userId = checkUid('userId', ctx.params.userId)
  const secret = checkText('secret', ctx.params.secret, 256)
  const user = (await ctx.store.db.table('users').get(userId)) as UserRecord | undefined
  if (!user) throw new AppwriteError('user_not_found')
  const token = await findToken(ctx, userId, secret, [type])
  if (!token) throw new AppwriteError('user_invalid_token')
  await ctx.store.write(async (w) => {
    await saveUser(w, ctx, user, change)
    await w.delete('tokens', token.$id)
    w.emit(verificationEvent(ctx, token, 'update'))
  })
  return tokenView(token)
}

export const updateEmailVerification = (ctx: RequestContext) =>
  completeVerification(ctx, TokenType.verification, { emailVerification: true })

export const updatePhoneVerification = (ctx: RequestContext) =>
  completeVerification(ctx, TokenType.phone, { phoneVerification: true })
