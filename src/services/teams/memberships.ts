import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { cursorNotFound, evaluateQueries, parseQueries, searchMatches, validateQueries } from '../../query/index.js'
import { formatDate } from '../../util/time.js'
import { checkUid } from '../common/validators.js'
import { assertOwner, isServer, readableTeam } from './access.js'
import { checkRoles, checkSearch } from './checks.js'
import { membershipAnswer, membershipEvent, membershipView } from './membership-view.js'
import { type MembershipRecord, type TeamRecord, findMembership } from './records.js'

const pathIds = (ctx: RequestContext) => ({
  teamId: checkUid('teamId', ctx.params.teamId),
  membershipId: checkUid('membershipId', ctx.params.membershipId),
})

const assertSameTeam = (membership: MembershipRecord, team: TeamRecord) => {
  if (membership.teamId !== team.$id) throw new AppwriteError('team_membership_mismatch')
}

const findUser = async (ctx: RequestContext, userId: string): Promise<UserRecord> => {
  const user = (await ctx.store.db.table('users').get(userId)) as UserRecord | undefined
  if (!user) throw new AppwriteError('user_not_found')
  return user
}

const MEMBERSHIP_ATTRIBUTES = [
  { key: 'userId', type: 'string' },
  { key: 'teamId', type: 'string' },
  { key: 'invited', type: 'datetime' },
  { key: 'joined', type: 'datetime' },
  { key: 'confirm', type: 'boolean' },
  { key: 'roles', type: 'string', array: true },
]

export const listMemberships = async (ctx: RequestContext) => {
  const team = await readableTeam(ctx, checkUid('teamId', ctx.params.teamId))
  const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
    attributes: MEMBERSHIP_ATTRIBUTES,
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const search = checkSearch(ctx.params.search)
  const all = (await ctx.store.db.table('memberships').where('teamId').equals(team.$id).sortBy('$sequence')) as MembershipRecord[]
  const { total, records } = evaluateQueries(all, queries, {
    visible: (m) => !search || searchMatches(m.search, search),
    total: ctx.params.total !== false,
    cursorNotFound: cursorNotFound('Membership'),
  })
  const memberships = await Promise.all(records.filter((m) => m.userId).map((m) => membershipView(ctx, m, team)))
  return { total, memberships }
}

export const getMembership = async (ctx: RequestContext) => {
  const { teamId, membershipId } = pathIds(ctx)
  const team = await readableTeam(ctx, teamId)
  const membership = await findMembership(ctx, membershipId)
  if (!membership?.userId) throw new AppwriteError('membership_not_found')
  assertSameTeam(membership, team)
  return membershipView(ctx, membership, team)
}

/** `PATCH …/memberships/:id` replaces the roles; only owners (or an API key) may. */
export const updateMembership = async (ctx: RequestContext) => {
  const { teamId, membershipId } = pathIds(ctx)
  const roles = checkRoles('roles', ctx.params.roles, 81)
  const team = await readableTeam(ctx, teamId)
  const membership = await findMembership(ctx, membershipId)
  if (!membership) throw new AppwriteError('membership_not_found')
  assertSameTeam(membership, team)
  const user = await findUser(ctx, membership.userId)
  assertOwner(ctx, team.$id, 'User is not allowed to modify roles')
  const next: MembershipRecord = { ...membership, roles, $updatedAt: formatDate(ctx.now) }
  await ctx.store.write(async (w) => {
    await w.put('memberships', next)
    w.emit(membershipEvent(ctx, next, team, 'update', user))
  })
  return membershipAnswer(next, team, user)
}

/**
 * `DELETE …/memberships/:id`: the member themself (leaving, or declining an invitation) or an owner.
 * @note Appwrite answers a missing membership here with `team_invite_not_found`, not `membership_not_found`.
 */
export const deleteMembership = async (ctx: RequestContext) => {
  const { teamId, membershipId } = pathIds(ctx)
  const membership = await findMembership(ctx, membershipId)
  if (!membership) throw new AppwriteError('team_invite_not_found')
  const user = await findUser(ctx, membership.userId)
  const team = await readableTeam(ctx, teamId)
  assertSameTeam(membership, team)
  if (!isServer(ctx) && ctx.caller.user?.$id !== membership.userId) assertOwner(ctx, team.$id)
  await ctx.store.write(async (w) => {
    await w.delete('memberships', membership.$id)
    if (membership.confirm) {
      const current = (await w.table('teams').get(team.$id)) as TeamRecord
      await w.put('teams', { ...current, total: Math.max(0, current.total - 1) })
    }
    w.emit(membershipEvent(ctx, membership, team, 'delete', user))
  })
  return undefined
}
