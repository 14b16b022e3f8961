import { sha256 } from '../../auth/secrets.js'
import type { RequestContext } from '../../engine/context.js'
import type { Writer } from '../../store/write-path.js'
import { addSeconds, formatDate } from '../../util/time.js'

/** Appwrite's token types (`app/init/constants.php`). */
export const TokenType = {
  verification: 2,
  recovery: 3,
  magicUrl: 5,
  phone: 6,
  oauth2: 7,
  generic: 8,
  email: 9,
} as const

/** Appwrite's lifetimes: verification, recovery and magic URL 1 h; codes 15 min. */
export const CONFIRM_SECONDS = 3600
export const OTP_SECONDS = 900

export interface TokenRecord {
  $id: string
  $createdAt: string
  userId: string
  type: number
  expire: string
  phrase: string
  secretHash: string
}

/**
 * The hash a token keeps of its secret: salted with the token id, because six-digit codes (and a mock
 * number's fixed code) repeat, and the store's index on `secretHash` is unique.
 */
const hashOf = (tokenId: string, secret: string) => sha256(`${tokenId}:${secret}`)

/** A token for `userId`; the raw secret goes out by message or answer, never into the store. */
export const newToken = async (
  ctx: RequestContext,
  userId: string,
  type: number,
  secret: string,
  seconds: number,
  phrase = '',
): Promise<TokenRecord> => {
  const $id = ctx.newId()
  return {
    $id,
    $createdAt: formatDate(ctx.now),
    userId,
    type,
    expire: formatDate(addSeconds(ctx.now, seconds)),
    phrase,
    secretHash: await hashOf($id, secret),
  }
}

/** The Token model; `secret` is blanked by the renderer for everyone but API keys. */
export const tokenView = (token: TokenRecord, secret = ''): Record<string, unknown> => {
  const { secretHash: _hash, type: _type, ...view } = token
  return { ...view, secret }
}

/**
 * The user's unexpired token whose secret this is (`User::tokenVerify`), of one of `types` if given. Tokens
 * made by the Users API (`POST /users/:id/tokens`) keep an unsalted sha256, so both forms are tried.
 */
export const findToken = async (
  ctx: RequestContext,
  userId: string,
  secret: string,
  types?: number[],
): Promise<TokenRecord | undefined> => {
  const now = formatDate(ctx.now)
  const tokens = (await ctx.store.db.table('tokens').where('userId').equals(userId).toArray()) as TokenRecord[]
  const plain = await sha256(secret)
  for (const token of tokens) {
    if (token.expire < now || (types && !types.includes(token.type))) continue
    if (token.secretHash === plain || token.secretHash === (await hashOf(token.$id, secret))) return token
  }
  return undefined
}

export const addToken = (w: Writer, token: TokenRecord) => w.add('tokens', token)
