import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import { formatDate } from '../../util/time.js'
import { checkUid } from '../common/validators.js'
import { assertOwner, isServer, readableTeam } from './access.js'
import { checkRoles } from './checks.js'
import { applyQueries, parseQueries, searchMatches } from './list-queries.js'
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

export const listMemberships = async (ctx: RequestContext) => {
  const team = await readableTeam(ctx, checkUid('teamId', ctx.params.teamId))
  const queries = parseQueries(ctx.params.queries, ['userId', 'teamId', 'invited', 'joined', 'confirm', 'roles'])
  const search = String(ctx.params.search ?? '')
  if (search.length > 256) throw invalidParam('search', 'Value must be a valid string and no longer than 256 chars')
  const all = (await ctx.store.db.table('memberships').where('teamId').equals(team.$id).sortBy('$sequence')) as MembershipRecord[]
  const found = search ? all.filter((m) => searchMatches(m.search, search)) : all
  const { rows, total } = applyQueries(found, queries, { cursorMessage: "Membership '%s' for the 'cursor' value not found." })
  const memberships = await Promise.all(rows.filter((m) => m.userId).map((m) => membershipView(ctx, m, team)))
  return { total: ctx.params.total === false ? 0 : total, memberships }
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
