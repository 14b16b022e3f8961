import { SignJWT, errors, jwtVerify } from 'jose'

export interface JwtClaims {
  userId: string
  sessionId: string
}

/** Signs Appwrite's account JWT: HS256, `{userId, sessionId, exp}`, no `iat`. */
export const signJwt = async (secret: Uint8Array, claims: JwtClaims, expiresAt: Date): Promise<string> =>
  new SignJWT({ ...claims })
    .setProtectedHeader({ typ: 'JWT', alg: 'HS256' })
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret)

/** Verifies a JWT; the failure reason reads as Appwrite's (`Expired`, `Signature failed`). */
export const verifyJwt = async (
  secret: Uint8Array,
  token: string,
  now: Date,
): Promise<{ ok: true; claims: JwtClaims } | { ok: false; reason: string }> => {
  try {
    const { payload } = await jwtVerify(token, secret, { currentDate: now, algorithms: ['HS256'] })
    return { ok: true, claims: { userId: String(payload.userId ?? ''), sessionId: String(payload.sessionId ?? '') } }
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'Expired' }
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'Signature failed' }
    return { ok: false, reason: 'Unexpected token' }
  }
}
