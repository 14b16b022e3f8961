import type { RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { type TeamRecord, findTeam } from './records.js'

/** API keys skip document authorization, as Appwrite's `keys` role does. */
export const isServer = (ctx: RequestContext): boolean => ctx.caller.key !== null

/**
 * The team, if the caller may read it: a team's only read permission is `team:<id>`, so to anyone else it
 * does not exist (404 `team_not_found`, never 401).
 */
export const readableTeam = async (ctx: RequestContext, teamId: string): Promise<TeamRecord> => {
  const team = await findTeam(ctx, teamId)
  if (!team || (!isServer(ctx) && !ctx.caller.roles.includes(`team:${teamId}`))) throw new AppwriteError('team_not_found')
  return team
}

export const isOwner = (ctx: RequestContext, teamId: string): boolean =>
  isServer(ctx) || ctx.caller.roles.includes(`team:${teamId}/owner`)

/** Update and delete permissions of a team are `team:<id>/owner`; a failed check is `user_unauthorized`. */
export const assertOwner = (ctx: RequestContext, teamId: string, message?: string): void => {
  if (!isOwner(ctx, teamId)) throw new AppwriteError('user_unauthorized', message ? { message } : {})
}
