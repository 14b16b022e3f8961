import { Secret, TOTP } from 'otpauth'

/** Appwrite's TOTP (OTPHP defaults): SHA1, six digits, 30-second steps. */
const totpOf = (secret: string, issuer = '', label = '') =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })

/** A new base32 secret and its `otpauth://` URI (label: the user's email, issuer: the project name). */
export const newTotpSecret = (issuer: string, label: string): { secret: string; uri: string } => {
  const secret = new Secret({ size: 20 }).base32
  return { secret, uri: totpOf(secret, issuer, label).toString() }
}

/**
 * Whether `otp` is the code for this moment.
 * @note Appwrite compares with the current code only, without the usual one-step tolerance.
 */
export const isCurrentTotp = (secret: string, otp: string, now: Date): boolean =>
  totpOf(secret).validate({ token: otp, timestamp: now.getTime(), window: 0 }) === 0

/** The code an authenticator app shows at `now` (what tests type in). */
export const totpCode = (secret: string, now: Date = new Date()): string => totpOf(secret).generate({ timestamp: now.getTime() })
