import type { RequestContext } from '../../engine/context.js'
import type { Writer } from '../../store/write-path.js'

export interface TeamRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  /** Creation order, as Appwrite's internal `$sequence`: lists come back in it. */
  $sequence: number
  name: string
  /** Confirmed members. */
  total: number
  prefs: Record<string, unknown>
  search: string
}

/** Field names `src/engine/authenticate.ts` reads: userId, teamId, roles, confirm, $id. */
export interface MembershipRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  $sequence: number
  userId: string
  teamId: string
  roles: string[]
  invited: string
  joined: string | null
  confirm: boolean
  /** sha256 of the invitation secret; '' once there is none. */
  secretHash: string
  search: string
}

/** Dexie schema of the teams service. `memberships.userId` is what the engine reads a caller's roles by. */
export const teamStores = {
  teams: '$id, $sequence',
  memberships: '$id, $sequence, userId, teamId, [teamId+userId]',
}

/** The next `$sequence` of a store, read inside the write so two requests never share one. */
export const nextSequence = async (w: Writer, store: 'teams' | 'memberships'): Promise<number> => {
  const last = await w.table(store).orderBy('$sequence').last()
  return ((last?.$sequence as number | undefined) ?? 0) + 1
}

export const findTeam = (ctx: RequestContext, teamId: string): Promise<TeamRecord | undefined> =>
  ctx.store.db.table('teams').get(teamId)

export const findMembership = (ctx: RequestContext, membershipId: string): Promise<MembershipRecord | undefined> =>
  ctx.store.db.table('memberships').get(membershipId)

/** The Team model (the renderer drops `$sequence` and `search`). */
export const teamView = (team: TeamRecord): Record<string, unknown> => ({ ...team })

/** Team events go to the team's members (role `team:<id>`). */
export const teamEvent = (ctx: RequestContext, team: TeamRecord, action: string) =>
  ctx.event([`teams.${team.$id}.${action}`], 'team', teamView(team), [`team:${team.$id}`])
