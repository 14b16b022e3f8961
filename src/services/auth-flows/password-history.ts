import { verifyPassword } from '../../auth/passwords.js'
import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'

/**
 * Project `auths.passwordHistory` (1–20): a new password may not be one of the user's last N. Returns the
 * history to store with the new hash (unchanged when the policy is off).
 * @note Like Appwrite, the remembered hashes are checked with the user's current algorithm.
 */
export const nextPasswordHistory = async (ctx: RequestContext, user: UserRecord, password: string, newHash: string): Promise<string[]> => {
  const limit = ctx.settings.auth?.passwordHistory ?? 0
  const history = (user.passwordHistory as string[] | undefined) ?? []
  if (limit <= 0) return history
  for (const hash of history) {
    if (await verifyPassword(password, { hash, algorithm: user.hash ?? 'argon2', options: user.hashOptions ?? {} })) {
      throw new AppwriteError('password_recently_used')
    }
  }
  return [...history, newHash].slice(-limit)
}
