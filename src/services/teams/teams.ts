import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { cursorNotFound, evaluateQueries, parseQueries, searchMatches, validateQueries } from '../../query/index.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkUid, resolveId } from '../common/validators.js'
import { assertOwner, isServer, readableTeam } from './access.js'
import { checkName, checkRoles, checkSearch } from './checks.js'
import { type MembershipRecord, type TeamRecord, nextSequence, teamEvent, teamView } from './records.js'

/**
 * `POST /teams`. A user who creates a team becomes its confirmed `owner` member (added to `roles` if missing);
 * an API key creates it with no member and `total: 0`.
 */
export const createTeam = async (ctx: RequestContext) => {
  const teamId = resolveId(checkCustomId('teamId', ctx.params.teamId), ctx.newId)
  const name = checkName('name', ctx.params.name)
  const roles = checkRoles('roles', ctx.params.roles, 36)
  const now = formatDate(ctx.now)
  const user = isServer(ctx) ? null : ctx.caller.user
  const team: TeamRecord = {
    $id: teamId, $createdAt: now, $updatedAt: now, $sequence: 0, name, total: user ? 1 : 0, prefs: {}, search: `${teamId} ${name}`,
  }
  await ctx.store.write(async (w) => {
    if (await w.table('teams').get(teamId)) throw new AppwriteError('team_already_exists')
    team.$sequence = await nextSequence(w, 'teams')
    await w.add('teams', team)
    if (user) {
      const membershipId = ctx.newId()
      const membership: MembershipRecord = {
        $id: membershipId, $createdAt: now, $updatedAt: now, $sequence: await nextSequence(w, 'memberships'),
        userId: user.$id, teamId, roles: roles.includes('owner') ? roles : [...roles, 'owner'],
        invited: now, joined: now, confirm: true, secretHash: '', search: `${membershipId} ${user.$id}`,
      }
      await w.add('memberships', membership)
    }
    w.emit(teamEvent(ctx, team, 'create'))
  })
  return reply({ status: 201, body: teamView(team) })
}

const TEAM_ATTRIBUTES = [
  { key: 'name', type: 'string' },
  { key: 'total', type: 'integer' },
  { key: 'billingPlan', type: 'string' },
]

/** `GET /teams`: the teams the caller is a confirmed member of (every team for an API key). */
export const listTeams = async (ctx: RequestContext) => {
  const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
    attributes: TEAM_ATTRIBUTES,
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const search = checkSearch(ctx.params.search)
  const all = (await ctx.store.db.table('teams').orderBy('$sequence').toArray()) as TeamRecord[]
  const { total, records } = evaluateQueries(all, queries, {
    visible: (t) => (isServer(ctx) || ctx.caller.roles.includes(`team:${t.$id}`)) && (!search || searchMatches(t.search, search)),
    total: ctx.params.total !== false,
    cursorNotFound: cursorNotFound('Team'),
  })
  return { total, teams: records.map(teamView) }
}

export const getTeam = async (ctx: RequestContext) => teamView(await readableTeam(ctx, checkUid('teamId', ctx.params.teamId)))

export const updateTeamName = async (ctx: RequestContext) => {
  const name = checkName('name', ctx.params.name)
  const team = await readableTeam(ctx, checkUid('teamId', ctx.params.teamId))
  assertOwner(ctx, team.$id)
  const next: TeamRecord = { ...team, name, search: `${team.$id} ${name}`, $updatedAt: formatDate(ctx.now) }
  await ctx.store.write(async (w) => {
    await w.put('teams', next)
    w.emit(teamEvent(ctx, next, 'update'))
  })
  return teamView(next)
}

/** `DELETE /teams/:id` removes the memberships at once, as Appwrite does synchronously. */
export const deleteTeam = async (ctx: RequestContext) => {
  const team = await readableTeam(ctx, checkUid('teamId', ctx.params.teamId))
  assertOwner(ctx, team.$id)
  await ctx.store.write(async (w) => {
    const memberships = await w.table('memberships').where('teamId').equals(team.$id).primaryKeys()
    await w.bulkDelete('memberships', memberships)
    await w.delete('teams', team.$id)
    w.emit(teamEvent(ctx, team, 'delete'))
  })
  return undefined
}

export const getTeamPrefs = async (ctx: RequestContext) => (await readableTeam(ctx, checkUid('teamId', ctx.params.teamId))).prefs ?? {}

/** `PUT /teams/:id/prefs` replaces the prefs and answers with them (not the Team). */
export const updateTeamPrefs = async (ctx: RequestContext) => {
  const prefs = ctx.params.prefs as Record<string, unknown>
  const team = await readableTeam(ctx, checkUid('teamId', ctx.params.teamId))
  assertOwner(ctx, team.$id)
  const next: TeamRecord = { ...team, prefs, $updatedAt: formatDate(ctx.now) }
  await ctx.store.write(async (w) => {
    await w.put('teams', next)
    w.emit(teamEvent(ctx, next, 'update.prefs'))
  })
  return prefs
}
