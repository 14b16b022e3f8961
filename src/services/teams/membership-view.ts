import type { RequestContext, UserRecord } from '../../engine/context.js'
import { isServer } from './access.js'
import type { MembershipRecord, TeamRecord } from './records.js'

type Privacy = Record<'userName' | 'userEmail' | 'userPhone' | 'userId' | 'mfa' | 'userAccessedAt', boolean>

/** Membership privacy (project `auths.memberships*`); API keys always see everything. */
const privacyOf = (ctx: RequestContext): Privacy => {
  const set = ctx.settings.auth?.memberships ?? {}
  const all = isServer(ctx)
  return {
    userName: all || (set.userName ?? true),
    userEmail: all || (set.userEmail ?? true),
    userPhone: all || (set.userPhone ?? true),
    userId: all || (set.userId ?? true),
    mfa: all || (set.mfa ?? true),
    userAccessedAt: all || (set.userAccessedAt ?? false),
  }
}

/** `mfa` shows as on only if the member also has a verified factor (TOTP, email or phone). */
const hasMfa = async (ctx: RequestContext, user: UserRecord): Promise<boolean> => {
  if (!user.mfa) return false
  if ((user.email && user.emailVerification) || (user.phone && user.phoneVerification)) return true
  if (!ctx.store.schema.authenticators) return false
  const authenticators = await ctx.store.db.table('authenticators').where('userId').equals(user.$id).toArray()
  return authenticators.some((a) => a.type === 'totp' && a.verified)
}

/** The Membership model as a read route shows it: team name, and the member's fields privacy allows. */
export const membershipView = async (
  ctx: RequestContext,
  membership: MembershipRecord,
  team: TeamRecord,
): Promise<Record<string, unknown>> => {
  const privacy = privacyOf(ctx)
  const user = (await ctx.store.db.table('users').get(membership.userId)) as UserRecord | undefined
  const { secretHash: _s, search: _q, $sequence: _n, ...view } = membership
  return {
    ...view,
    userId: privacy.userId ? membership.userId : '',
    userName: privacy.userName ? (user?.name ?? '') : '',
    userEmail: privacy.userEmail ? (user?.email ?? '') : '',
    userPhone: privacy.userPhone ? (user?.phone ?? '') : '',
    mfa: privacy.mfa && user ? await hasMfa(ctx, user) : false,
    userAccessedAt: privacy.userAccessedAt ? (user?.accessedAt ?? '') : '',
    teamName: team.name,
  }
}

/** The Membership model as the write routes answer it: name and email always filled (Appwrite sets them). */
export const membershipAnswer = (membership: MembershipRecord, team: TeamRecord, user: UserRecord | undefined) => {
  const { secretHash: _s, search: _q, $sequence: _n, ...view } = membership
  return { ...view, teamName: team.name, userName: user?.name ?? '', userEmail: user?.email ?? '' }
}

/** Membership events go to the team's members. */
export const membershipEvent = (ctx: RequestContext, membership: MembershipRecord, team: TeamRecord, action: string, user?: UserRecord) =>
  ctx.event(
    [`teams.${team.$id}.memberships.${membership.$id}.${action}`],
    'membership',
    membershipAnswer(membership, team, user),
    [`team:${team.$id}`],
  )
