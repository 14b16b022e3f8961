import { sha256 } from '../../auth/secrets.js'
import { type RequestContext, type UserRecord, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { formatDate } from '../../util/time.js'
import { checkText, checkUid } from '../common/validators.js'
import { saveUser } from '../users/records.js'
import { type IssuedSession, fallbackCookie, prepareSession, storeSession } from '../users/sessions.js'
import { membershipAnswer, membershipEvent } from './membership-view.js'
import { type MembershipRecord, type TeamRecord, findMembership, findTeam } from './records.js'

const inviteMismatch = (user: UserRecord | null) =>
  new AppwriteError('team_invite_mismatch', { message: `Invite does not belong to current user (${user?.email ?? ''})` })

/**
 * `PATCH /teams/:id/memberships/:id/status`: accepts an invitation with the emailed secret. It confirms the
 * membership, marks the email verified, counts the member, and signs a visitor without a session in (provider
 * `email`, factor `email`), handing the SDK its session as at login.
 */
export const acceptMembership = async (ctx: RequestContext) => {
  const teamId = checkUid('teamId', ctx.params.teamId)
  const membershipId = checkUid('membershipId', ctx.params.membershipId)
  const userId = checkUid('userId', ctx.params.userId)
  const secret = checkText('secret', ctx.params.secret, 256)
  const membership = await findMembership(ctx, membershipId)
  if (!membership) throw new AppwriteError('membership_not_found')
  const team = await findTeam(ctx, teamId)
  if (!team) throw new AppwriteError('team_not_found')
  if (membership.teamId !== team.$id) throw new AppwriteError('team_membership_mismatch')
  if (!membership.secretHash || (await sha256(secret)) !== membership.secretHash) throw new AppwriteError('team_invalid_secret')
  const caller = ctx.caller.user
  if (userId !== membership.userId || (caller && caller.$id !== membership.userId)) throw inviteMismatch(caller)
  if (membership.confirm) throw new AppwriteError('membership_already_confirmed')
  const user = caller ?? ((await ctx.store.db.table('users').get(userId)) as UserRecord | undefined)
  if (!user) throw inviteMismatch(null)

  const issued: IssuedSession | null = caller
    ? null
    : await prepareSession(ctx, user, { provider: 'email', providerUid: user.email ?? '', factors: ['email'] })
  const now = formatDate(ctx.now)
  const next: MembershipRecord = { ...membership, confirm: true, joined: now, $updatedAt: now }
  let saved = user
  await ctx.store.write(async (w) => {
    saved = await saveUser(w, ctx, user, { emailVerification: true })
    await w.put('memberships', next)
    const current = (await w.table('teams').get(team.$id)) as TeamRecord
    await w.put('teams', { ...current, total: current.total + 1 })
    if (issued) await storeSession(w, ctx, issued)
    w.emit(membershipEvent(ctx, next, team, 'update.status', saved))
  })
  const headers: Record<string, string> = issued ? { 'X-Fallback-Cookies': fallbackCookie(ctx.projectId, issued.token) } : {}
  return reply({ body: membershipAnswer(next, team, saved), headers })
}
