import { encodeSessionToken } from '../../auth/secrets.js'
import { type RequestContext, reply } from '../../engine/context.js'
import { projectName, sendMessage, wording } from '../../outbox/index.js'
import type { Writer } from '../../store/write-path.js'
import { randomDigits } from '../../util/id.js'
import { checkCustomId, checkPhone } from '../common/validators.js'
import { insertUser } from '../users/records.js'
import { userForPhone } from './passwordless-user.js'
import { OTP_SECONDS, TokenType, newToken, tokenView } from './tokens.js'

/** A mock number's fixed code (project `auths.mockNumbers`), else a fresh six-digit one. */
export const phoneCode = (ctx: RequestContext, phone: string): { code: string; mock: boolean } => {
  const mock = ctx.settings.auth?.mockNumbers?.find((m) => m.phone === phone)
  return mock ? { code: mock.otp, mock: true } : { code: randomDigits(6), mock: false }
}

/** Captures the SMS Appwrite sends with a code (`sms.verification.body`). */
export const sendCodeBySms = (w: Writer, ctx: RequestContext, kind: 'phoneOtp' | 'phoneVerification' | 'mfaPhone', to: string, userId: string, code: string, data: Record<string, string>) =>
  sendMessage(w, ctx, { channel: 'sms', kind, to, userId, ...wording.sms({ project: projectName(ctx), code }), secret: code, data })

/**
 * `POST /account/tokens/phone`: a six-digit code, valid 15 minutes, sent by SMS to the outbox (none for a
 * mock number, whose code is fixed). `account.createSession` with it signs in and verifies the phone.
 * @note Appwrite answers an API key with the session-store encoding of `{userId, code}` as `secret`.
 */
export const createPhoneToken = async (ctx: RequestContext) => {
  const userId = checkCustomId('userId', ctx.params.userId)
  const phone = checkPhone('phone', ctx.params.phone)
  const { user, isNew } = await userForPhone(ctx, userId, phone)
  const { code, mock } = phoneCode(ctx, phone)
  const token = await newToken(ctx, user.$id, TokenType.phone, code, OTP_SECONDS)
  await ctx.store.write(async (w) => {
    if (isNew) await insertUser(w, ctx, user)
    await w.add('tokens', token)
    if (!mock) await sendCodeBySms(w, ctx, 'phoneOtp', phone, user.$id, code, { tokenId: token.$id })
  })
  return reply({ status: 201, body: tokenView(token, encodeSessionToken(user.$id, code)) })
}
