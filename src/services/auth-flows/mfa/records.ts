import type { RequestContext, UserRecord } from '../../../engine/context.js'

export interface AuthenticatorRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  userId: string
  type: 'totp'
  verified: boolean
  /** The base32 TOTP secret. */
  secret: string
}

export interface ChallengeRecord {
  $id: string
  $createdAt: string
  userId: string
  /** The factor: `totp`, `email`, `phone` or `recoveryCode`. */
  type: string
  /** sha256 of the emailed or texted code ('' for factors that send nothing). */
  codeHash: string
  expire: string
}

/** Kept apart from the user record so its codes never travel in a user event's payload. */
export interface RecoveryCodesRecord {
  userId: string
  codes: string[]
}

export const mfaStores = {
  authenticators: '$id, userId',
  challenges: '$id, userId',
  mfaRecoveryCodes: 'userId',
}

export const findTotp = async (ctx: RequestContext, userId: string): Promise<AuthenticatorRecord | undefined> =>
  (await ctx.store.db.table('authenticators').where('userId').equals(userId).toArray()).find((a) => a.type === 'totp')

export const recoveryCodesOf = async (ctx: RequestContext, userId: string): Promise<string[]> =>
  ((await ctx.store.db.table('mfaRecoveryCodes').get(userId)) as RecoveryCodesRecord | undefined)?.codes ?? []

/** The second factors a user can present: a verified TOTP authenticator, a verified email, a verified phone. */
export const verifiedFactors = async (ctx: RequestContext, user: UserRecord) => ({
  totp: !!(await findTotp(ctx, user.$id))?.verified,
  email: !!user.email && user.emailVerification,
  phone: !!user.phone && user.phoneVerification,
})

/** The MFAFactors model: each factor allowed by the project's `mfaFactors` policy and available to the user. */
export const factorsView = async (ctx: RequestContext, user: UserRecord) => {
  const policy = ctx.settings.auth?.mfaFactors ?? {}
  const verified = await verifiedFactors(ctx, user)
  return {
    totp: (policy.totp ?? true) && verified.totp,
    phone: (policy.phone ?? true) && verified.phone,
    email: (policy.email ?? true) && verified.email,
    recoveryCode: (await recoveryCodesOf(ctx, user.$id)).length > 0,
    custom: false,
  }
}
