import { sha256 } from '../../auth/secrets.js'
import { type RequestContext, type UserRecord, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { linkWith, projectName, sendMessage, wording } from '../../outbox/index.js'
import { randomHex } from '../../util/id.js'
import { formatDate } from '../../util/time.js'
import { checkEmail, checkPhone, checkText, checkUid } from '../common/validators.js'
import { checkRedirectUrl } from '../auth-flows/redirect-url.js'
import { insertUser, newUser } from '../users/records.js'
import { assertOwner, isServer, readableTeam } from './access.js'
import { checkRoles } from './checks.js'
import { membershipAnswer, membershipEvent } from './membership-view.js'
import { type MembershipRecord, type TeamRecord, nextSequence } from './records.js'

const badRequest = (message: string) => new AppwriteError('general_argument_invalid', { message })
const mismatch = (message: string) => new AppwriteError('user_already_exists', { message, code: 409 })

interface Invitee {
  user: UserRecord
  /** A user made for this invitation, inserted with it. */
  isNew: boolean
}

/** Finds the invitee by userId, else email, else phone; someone unknown becomes a new user without a password. */
const resolveInvitee = async (ctx: RequestContext, userId: string, email: string, phone: string, name: string): Promise<Invitee> => {
  const users = ctx.store.db.table('users')
  let user: UserRecord | undefined
  if (userId) {
    user = await users.get(userId)
    if (!user) throw new AppwriteError('user_not_found', { message: "User with given userId doesn't exist." })
    if (email && (user.email ?? '') !== email) throw mismatch("Given userId and email doesn't match")
    if (phone && (user.phone ?? '') !== phone) throw mismatch("Given userId and phone doesn't match")
  } else if (email) {
    user = await users.where('email').equals(email).first()
    if (user && phone && (user.phone ?? '') !== phone) throw mismatch("Given email and phone doesn't match")
  } else {
    user = await users.where('phone').equals(phone).first()
  }
  if (user) return { user, isNew: false }
  const limit = ctx.settings.auth?.limit ?? 0
  if (!isServer(ctx) && limit > 0 && (await users.count()) >= limit) {
    throw new AppwriteError('user_count_exceeded', { message: 'Project registration is restricted. Contact your administrator for more information.' })
  }
  if (email && (await ctx.store.db.table('identities').where('providerEmail').equals(email).count())) {
    throw new AppwriteError('user_email_already_exists')
  }
  return { user: newUser(ctx, ctx.newId(), { name, email: email || undefined, phone: phone || undefined }), isNew: true }
}

/** The invitation email (or SMS for a phone-only invitee), with the link the invitee accepts through. */
const invitationMessage = (ctx: RequestContext, team: TeamRecord, membership: MembershipRecord, invitee: UserRecord, url: string, secret: string) => {
  const link = linkWith(url, { membershipId: membership.$id, userId: invitee.$id, secret, teamId: team.$id, teamName: team.name })
  const project = projectName(ctx)
  const data = { teamId: team.$id, membershipId: membership.$id }
  if (invitee.email) {
    const text = wording.invitation({ project, team: team.name, owner: ctx.caller.user?.name, link })
    return { channel: 'email' as const, kind: 'invitation' as const, to: invitee.email, userId: invitee.$id, ...text, link, secret, data }
  }
  const text = wording.smsInvitation({ project, link })
  return { channel: 'sms' as const, kind: 'invitation' as const, to: invitee.phone ?? '', userId: invitee.$id, ...text, link, secret, data }
}

/**
 * `POST /teams/:id/memberships`. A user's invitation is unconfirmed and carries a secret, sent by email (or
 * SMS) to the outbox; an API key's is confirmed at once and sends nothing. Re-inviting an unconfirmed member
 * renews the secret.
 */
export const createMembership = async (ctx: RequestContext) => {
  const server = isServer(ctx)
  const teamId = checkUid('teamId', ctx.params.teamId)
  const userId = ctx.params.userId ? checkUid('userId', ctx.params.userId) : ''
  const email = ctx.params.email ? checkEmail('email', ctx.params.email).toLowerCase() : ''
  const phone = ctx.params.phone ? checkPhone('phone', ctx.params.phone) : ''
  const roles = checkRoles('roles', ctx.params.roles, 81)
  const url = ctx.params.url ? checkRedirectUrl('url', ctx.params.url) : ''
  const name = checkText('name', ctx.params.name ?? '', 128) || email
  if (!url && !server) throw badRequest('URL is required')
  if (!userId && !email && !phone) throw badRequest('At least one of userId, email, or phone is required')
  const team = await readableTeam(ctx, teamId)
  const { user: invitee, isNew } = await resolveInvitee(ctx, userId, email, phone, name)
  assertOwner(ctx, team.$id, 'User is not allowed to send invitations for this team')

  const secret = randomHex(256)
  const secretHash = await sha256(secret)
  const now = formatDate(ctx.now)
  let membership: MembershipRecord | undefined
  await ctx.store.write(async (w) => {
    if (isNew) await insertUser(w, ctx, invitee)
    const existing = (await w.table('memberships').where('[teamId+userId]').equals([team.$id, invitee.$id]).first()) as MembershipRecord | undefined
    if (existing?.confirm) throw new AppwriteError('membership_already_confirmed')
    membership = existing
      ? { ...existing, secretHash, invited: now, $updatedAt: now, ...(server && { joined: now, confirm: true }) }
      : {
          $id: '', $createdAt: now, $updatedAt: now, $sequence: await nextSequence(w, 'memberships'), userId: invitee.$id,
          teamId: team.$id, roles, invited: now, joined: server ? now : null, confirm: server, secretHash, search: '',
        }
    if (!existing) {
      membership.$id = ctx.newId()
      membership.search = `${membership.$id} ${invitee.$id}`
    }
    await w.put('memberships', membership)
    if (server) {
      const current = (await w.table('teams').get(team.$id)) as TeamRecord
      await w.put('teams', { ...current, total: current.total + 1 })
    } else {
      await sendMessage(w, ctx, invitationMessage(ctx, team, membership, invitee, url, secret))
    }
    w.emit(membershipEvent(ctx, membership, team, 'create', invitee))
  })
  return reply({ status: 201, body: membershipAnswer(membership as MembershipRecord, team, invitee) })
}
