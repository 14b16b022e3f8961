import { type RequestContext, reply } from '../../engine/context.js'
import { linkWith, projectName, sendMessage, wording } from '../../outbox/index.js'
import { randomDigits, randomHex } from '../../util/id.js'
import { checkCustomId, checkEmail } from '../common/validators.js'
import { insertUser } from '../users/records.js'
import { userForEmail } from './passwordless-user.js'
import { securityPhrase } from './phrase.js'
import { checkRedirectUrl } from './redirect-url.js'
import { CONFIRM_SECONDS, OTP_SECONDS, TokenType, newToken, tokenView } from './tokens.js'

const readInput = (ctx: RequestContext) => ({
  userId: checkCustomId('userId', ctx.params.userId),
  email: checkEmail('email', ctx.params.email),
  phrase: ctx.params.phrase === true ? securityPhrase() : '',
})

/**
 * `POST /account/tokens/email`: a six-digit code, valid 15 minutes, emailed to the outbox. The user (found by
 * exact email, or created) signs in with `account.createSession({ userId, secret: code })`. No event.
 */
export const createEmailToken = async (ctx: RequestContext) => {
  const { userId, email, phrase } = readInput(ctx)
  const { user, isNew } = await userForEmail(ctx, userId, email, 'general_bad_request')
  const code = randomDigits(6)
  const token = await newToken(ctx, user.$id, TokenType.email, code, OTP_SECONDS, phrase)
  await ctx.store.write(async (w) => {
    if (isNew) await insertUser(w, ctx, user)
    await w.add('tokens', token)
    const text = wording.emailOtp({ project: projectName(ctx), code, phrase })
    await sendMessage(w, ctx, { channel: 'email', kind: 'emailOtp', to: email, userId: user.$id, ...text, secret: code, phrase, data: { tokenId: token.$id } })
  })
  return reply({ status: 201, body: tokenView(token, code) })
}

/**
 * `POST /account/tokens/magic-url`: a 64-hex secret, valid 1 hour, emailed as a link (`url` with `userId`,
 * `secret`, `expire` and `project` merged in). The app finishes with `account.createSession`. No event.
 */
export const createMagicUrlToken = async (ctx: RequestContext) => {
  const { userId, email, phrase } = readInput(ctx)
  const url = ctx.params.url ? checkRedirectUrl('url', ctx.params.url) : `${ctx.url.origin}/console/auth/magic-url`
  const { user, isNew } = await userForEmail(ctx, userId, email, 'user_email_already_exists')
  const secret = randomHex(64)
  const token = await newToken(ctx, user.$id, TokenType.magicUrl, secret, CONFIRM_SECONDS, phrase)
  const link = linkWith(url, { userId: user.$id, secret, expire: token.expire, project: ctx.projectId })
  await ctx.store.write(async (w) => {
    if (isNew) await insertUser(w, ctx, user)
    await w.add('tokens', token)
    const text = wording.magicUrl({ project: projectName(ctx), link, phrase })
    await sendMessage(w, ctx, { channel: 'email', kind: 'magicUrl', to: email, userId: user.$id, ...text, link, secret, phrase, data: { tokenId: token.$id } })
  })
  return reply({ status: 201, body: tokenView(token, secret) })
}
