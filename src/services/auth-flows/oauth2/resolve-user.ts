import type { RequestContext, UserRecord } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { newUser } from '../../users/records.js'

/** What the (fake) provider says about the person signing in. */
export interface ProviderProfile {
  provider: string
  uid: string
  email: string
  name: string
  verified: boolean
}

export interface ResolvedUser {
  user: UserRecord
  isNew: boolean
  /** The identity this provider account already has, if any. */
  identityId: string | null
}

type Identity = { $id: string; userId: string; provider: string; providerUid: string; providerEmail: string }

const usersTable = (ctx: RequestContext) => ctx.store.db.table('users')
const identities = (ctx: RequestContext) => ctx.store.db.table('identities')

const getUser = async (ctx: RequestContext, id: string) => (await usersTable(ctx).get(id)) as UserRecord | undefined

/**
 * Which user an OAuth2 sign-in is for, in Appwrite's order: the signed-in caller (linking the identity;
 * the email must not belong to anyone else), the owner of this provider identity, a user with the email, the
 * owner of another identity with the email (both only if the provider verified it), else a new user.
 */
export const resolveOAuthUser = async (ctx: RequestContext, profile: ProviderProfile): Promise<ResolvedUser> => {
  const { email } = profile
  const known = (await identities(ctx).where('[provider+providerUid]').equals([profile.provider, profile.uid]).first()) as Identity | undefined
  const current = ctx.caller.user
  if (current) {
    const byEmail = (await identities(ctx).where('providerEmail').equals(email).toArray()) as Identity[]
    const other = await usersTable(ctx).where('email').equals(email).first()
    if (byEmail.some((i) => i.userId !== current.$id) || (other && other.$id !== current.$id)) throw new AppwriteError('user_already_exists')
    return { user: current, isNew: false, identityId: known?.userId === current.$id ? known.$id : null }
  }
  const owner = known ? await getUser(ctx, known.userId) : undefined
  if (known && owner) return { user: owner, isNew: false, identityId: known.$id }
  if (!email) throw new AppwriteError('user_unauthorized', { message: 'OAuth provider failed to return email.' })
  const sameEmail = (await usersTable(ctx).where('email').equals(email).first()) as UserRecord | undefined
  const viaIdentity = sameEmail ? undefined : ((await identities(ctx).where('providerEmail').equals(email).first()) as Identity | undefined)
  const matched = sameEmail ?? (viaIdentity ? await getUser(ctx, viaIdentity.userId) : undefined)
  if (matched) {
    if (!profile.verified) throw new AppwriteError('general_bad_request')
    return { user: matched, isNew: false, identityId: null }
  }
  const limit = ctx.settings.auth?.limit ?? 0
  if (limit > 0 && (await usersTable(ctx).count()) >= limit) throw new AppwriteError('user_count_exceeded')
  return { user: newUser(ctx, ctx.newId(), { email, name: profile.name, emailVerification: profile.verified }), isNew: true, identityId: null }
}
