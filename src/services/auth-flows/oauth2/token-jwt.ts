import { SignJWT, jwtVerify } from 'jose'
import { addSeconds } from '../../../util/time.js'

/** How long the OAuth2 token flow's JWT lives: `createSession` must follow the redirect within a minute. */
const LIFETIME_SECONDS = 60

/** The `secret` the OAuth2 token flow hands the app: HS256 `{secret, provider, exp}` signed with the project key. */
export const signOAuthSecret = (key: Uint8Array, secret: string, provider: string, now: Date): Promise<string> =>
  new SignJWT({ secret, provider })
    .setProtectedHeader({ typ: 'JWT', alg: 'HS256' })
    .setExpirationTime(Math.floor(addSeconds(now, LIFETIME_SECONDS).getTime() / 1000))
    .sign(key)

/** The token secret and provider inside such a JWT; `null` when the value is no valid JWT of ours. */
export const readOAuthSecret = async (key: Uint8Array, value: string, now: Date): Promise<{ secret: unknown; provider: unknown } | null> => {
  if (value.split('.').length !== 3) return null
  try {
    const { payload } = await jwtVerify(value, key, { currentDate: now, algorithms: ['HS256'] })
    return { secret: payload.secret, provider: payload.provider }
  } catch {
    return null
  }
}
