import { Account, ID, Query, Teams } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { latestMessage, paramsOf, rejection, server, signInAs, signUpAndIn } from '../auth-flows/support.js'

let emu: NodeEmulator
beforeEach(() => {
  emu = startNodeEmulator()
})
afterEach(() => emu.close())

const teams = () => new Teams(emu.client())

describe('teams through the web SDK', () => {
  it('makes the creator the owner, lists with queries and search, renames, sets prefs and deletes', async () => {
    const ann = await signUpAndIn(emu, 'ann@example.com', 'Ann')
    const team = await teams().create({ teamId: 'crew', name: 'Crew', roles: ['captain'] })
    expect(team).toMatchObject({ $id: 'crew', name: 'Crew', total: 1, prefs: {} })
    await teams().create({ teamId: ID.unique(), name: 'Band' })
    await teams().create({ teamId: ID.unique(), name: 'Crewmates' })

    const { memberships } = await teams().listMemberships({ teamId: 'crew' })
    expect(memberships).toHaveLength(1)
    expect(memberships[0]).toMatchObject({ userId: ann.$id, userName: 'Ann', userEmail: 'ann@example.com', confirm: true, teamName: 'Crew' })
    expect(memberships[0].roles).toEqual(['captain', 'owner'])

    expect((await teams().list()).total).toBe(3)
    expect((await teams().list({ search: 'crew' })).teams.map((t) => t.name).sort()).toEqual(['Crew', 'Crewmates'])
    const limited = await teams().list({ queries: [Query.equal('name', ['Band'])] })
    expect([limited.total, limited.teams[0].name]).toEqual([1, 'Band'])
    const ordered = await teams().list({ queries: [Query.orderDesc('name'), Query.limit(2)] })
    expect([ordered.total, ordered.teams.map((t) => t.name)]).toEqual([3, ['Crewmates', 'Crew']])
    const bad = await rejection(teams().list({ queries: [Query.equal('secret', ['x'])] }))
    expect([bad.code, bad.message]).toEqual([400, 'Invalid query: Attribute not found in schema: secret'])
    const page = await teams().list({ queries: [Query.orderAsc('name'), Query.cursorAfter(team.$id), Query.limit(1)] })
    expect(page.teams.map((t) => t.name)).toEqual(['Crewmates'])

    expect((await teams().updateName({ teamId: 'crew', name: 'The Crew' })).name).toBe('The Crew')
    expect(await teams().updatePrefs({ teamId: 'crew', prefs: { colour: 'teal' } })).toEqual({ colour: 'teal' })
    expect(await teams().getPrefs({ teamId: 'crew' })).toEqual({ colour: 'teal' })
    expect((await teams().get({ teamId: 'crew' })).prefs).toEqual({ colour: 'teal' })

    const duplicate = await rejection(teams().create({ teamId: 'crew', name: 'Again' }))
    expect([duplicate.code, duplicate.type]).toEqual([409, 'team_already_exists'])
    await teams().delete({ teamId: 'crew' })
    const gone = await rejection(teams().get({ teamId: 'crew' }))
    expect([gone.code, gone.type]).toEqual([404, 'team_not_found'])
    // The memberships went with the team: Ann keeps only those of her two other teams.
    expect((await server(emu, 'GET', `/users/${ann.$id}/memberships`)).body.total).toBe(2)
  })

  it('refuses guests, hides teams from non-members and keeps owner rights to owners', async () => {
    const guest = await rejection(teams().list())
    expect([guest.code, guest.type]).toEqual([401, 'general_unauthorized_scope'])
    await signUpAndIn(emu, 'owner@example.com')
    await teams().create({ teamId: 'club', name: 'Club' })
    await server(emu, 'POST', '/users', { userId: 'bea', email: 'bea@example.com', password: 'password123' })
    await server(emu, 'POST', '/teams/club/memberships', { userId: 'bea', roles: ['member'] })

    emu.signOutLocally()
    await signUpAndIn(emu, 'stranger@example.com')
    expect((await rejection(teams().get({ teamId: 'club' }))).type).toBe('team_not_found')
    expect((await teams().list()).total).toBe(0)

    await signInAs(emu, 'bea@example.com')
    expect((await teams().get({ teamId: 'club' })).total).toBe(2)
    const rename = await rejection(teams().updateName({ teamId: 'club', name: 'Mine' }))
    expect([rename.code, rename.type]).toEqual([401, 'user_unauthorized'])
    expect((await rejection(teams().delete({ teamId: 'club' }))).type).toBe('user_unauthorized')
    const invite = await rejection(teams().createMembership({ teamId: 'club', roles: [], email: 'x@example.com', url: 'http://app.test/join' }))
    expect([invite.code, invite.message]).toEqual([401, 'User is not allowed to send invitations for this team'])
  })

  it('invites by email, accepts with the emailed secret and signs the invitee in', async () => {
    await signUpAndIn(emu, 'owner@example.com', 'Olga')
    await teams().create({ teamId: 'club', name: 'Club' })
    const invited = await teams().createMembership({
      teamId: 'club', roles: ['editor'], email: 'New@Example.com', url: 'http://app.test/join?from=mail', name: 'Nia',
    })
    expect(invited).toMatchObject({ confirm: false, joined: '', userEmail: 'new@example.com', userName: 'Nia', roles: ['editor'] })

    const mail = await latestMessage(emu, 'new@example.com', 'invitation')
    expect(mail.subject).toBe('Invitation to Club Team at test')
    expect(mail.text).toContain('Olga wanted to invite you')
    const link = paramsOf(mail.link)
    expect(link).toMatchObject({ from: 'mail', membershipId: invited.$id, userId: invited.userId, teamId: 'club', teamName: 'Club' })
    expect(link.secret).toBe(mail.secret)
    expect(link.secret).toMatch(/^[0-9a-f]{256}$/)

    emu.signOutLocally()
    const wrong = await rejection(teams().updateMembershipStatus({ teamId: 'club', membershipId: link.membershipId, userId: link.userId, secret: 'nope' }))
    expect([wrong.code, wrong.type]).toEqual([401, 'team_invalid_secret'])
    const accepted = await teams().updateMembershipStatus({ teamId: 'club', membershipId: link.membershipId, userId: link.userId, secret: link.secret })
    expect(accepted).toMatchObject({ confirm: true, teamName: 'Club' })
    expect(accepted.joined).not.toBe('')

    const me = await new Account(emu.client()).get()
    expect([me.$id, me.email, me.emailVerification]).toEqual([link.userId, 'new@example.com', true])
    const session = await new Account(emu.client()).getSession({ sessionId: 'current' })
    expect([session.provider, session.factors]).toEqual(['email', ['email']])
    expect((await teams().get({ teamId: 'club' })).total).toBe(2)
    const again = await rejection(teams().updateMembershipStatus({ teamId: 'club', membershipId: link.membershipId, userId: link.userId, secret: link.secret }))
    expect([again.code, again.type]).toEqual([409, 'membership_already_confirmed'])
  })

  it('updates roles, lets members leave and owners remove, keeping total in step', async () => {
    await signUpAndIn(emu, 'owner@example.com')
    await teams().create({ teamId: 'club', name: 'Club' })
    await server(emu, 'POST', '/users', { userId: 'bea', email: 'bea@example.com', password: 'password123', name: 'Bea' })
    const bea = await teams().createMembership({ teamId: 'club', roles: ['member'], userId: 'bea', url: 'http://app.test/join' })
    expect(bea.userName).toBe('Bea')
    const updated = await teams().updateMembership({ teamId: 'club', membershipId: bea.$id, roles: ['admin'] })
    expect(updated.roles).toEqual(['admin'])
    const filtered = await teams().listMemberships({ teamId: 'club', queries: [Query.equal('confirm', [false])] })
    expect(filtered.memberships.map((m) => m.userId)).toEqual(['bea'])
    expect((await teams().get({ teamId: 'club' })).total).toBe(1)

    const { secret } = await latestMessage(emu, 'bea@example.com')
    await signInAs(emu, 'bea@example.com')
    await teams().updateMembershipStatus({ teamId: 'club', membershipId: bea.$id, userId: 'bea', secret })
    expect((await teams().get({ teamId: 'club' })).total).toBe(2)
    const roles = await rejection(teams().updateMembership({ teamId: 'club', membershipId: bea.$id, roles: ['owner'] }))
    expect([roles.code, roles.message]).toEqual([401, 'User is not allowed to modify roles'])
    await teams().deleteMembership({ teamId: 'club', membershipId: bea.$id })
    expect((await rejection(teams().get({ teamId: 'club' }))).type).toBe('team_not_found')

    await signInAs(emu, 'owner@example.com')
    expect((await teams().get({ teamId: 'club' })).total).toBe(1)
    const missing = await rejection(teams().deleteMembership({ teamId: 'club', membershipId: bea.$id }))
    expect([missing.code, missing.type]).toEqual([404, 'team_invite_not_found'])
    expect((await rejection(teams().getMembership({ teamId: 'club', membershipId: bea.$id }))).type).toBe('membership_not_found')
  })

  it('invites by phone: the SMS carries the link, and accepting signs the invitee in', async () => {
    await signUpAndIn(emu, 'owner@example.com')
    await teams().create({ teamId: 'club', name: 'Club' })
    const invited = await teams().createMembership({ teamId: 'club', roles: ['guest'], phone: '+14155550111', url: 'http://app.test/join' })
    expect(invited.userEmail).toBe('')
    const sms = await latestMessage(emu, '+14155550111', 'invitation')
    expect([sms.channel, sms.text]).toEqual(['sms', sms.link])
    const link = paramsOf(sms.link)
    emu.signOutLocally()
    await teams().updateMembershipStatus({ teamId: 'club', membershipId: link.membershipId, userId: link.userId, secret: link.secret })
    expect((await new Account(emu.client()).get()).phone).toBe('+14155550111')
    expect((await teams().listMemberships({ teamId: 'club', search: link.userId })).memberships.map((m) => m.$id)).toEqual([invited.$id])
  })

  it('lets an API key create teams without members and add confirmed members', async () => {
    const team = await server(emu, 'POST', '/teams', { teamId: 'ops', name: 'Ops' })
    expect([team.status, team.body.total]).toEqual([201, 0])
    await server(emu, 'POST', '/users', { userId: 'cy', email: 'cy@example.com', password: 'password123' })
    const member = await server(emu, 'POST', '/teams/ops/memberships', { userId: 'cy', roles: ['owner'] })
    expect([member.status, member.body.confirm]).toEqual([201, true])
    expect((await server(emu, 'GET', '/teams/ops')).body.total).toBe(1)
    expect((await server(emu, 'GET', '/offwrite/outbox')).body.total).toBe(0)
    const again = await server(emu, 'POST', '/teams/ops/memberships', { userId: 'cy', roles: [] })
    expect([again.status, again.body.type]).toEqual([409, 'membership_already_confirmed'])
    const invitee = await server(emu, 'POST', '/teams/ops/memberships', { email: 'fresh@example.com', roles: [] })
    expect(invitee.status).toBe(201)
    expect((await server(emu, 'GET', `/users/${invitee.body.userId}`)).body).toMatchObject({ email: 'fresh@example.com', passwordUpdate: '' })
  })
})

describe('team roles as permission roles', () => {
  it('gives confirmed members team:ID, team:ID/role and member:ID, and nothing to the unconfirmed', async () => {
    const { authenticate } = await import('../../../src/engine/authenticate.js')
    const rolesOf = async (userId: string) => {
      const session = await server(emu, 'POST', `/users/${userId}/sessions`)
      const request = new Request('http://x/v1/account', { headers: { 'x-appwrite-session': session.body.secret } })
      const store = await emu.engine.store(emu.projectId)
      const caller = await authenticate(request, emu.projectId, store, {}, new Date(), async () => new Uint8Array(32))
      return caller.roles
    }
    await server(emu, 'POST', '/users', { userId: 'dee', email: 'dee@example.com', password: 'password123' })
    await server(emu, 'POST', '/users', { userId: 'eve', email: 'eve@example.com', password: 'password123' })
    await server(emu, 'POST', '/teams', { teamId: 'lab', name: 'Lab' })
    const confirmed = await server(emu, 'POST', '/teams/lab/memberships', { userId: 'dee', roles: ['chemist'] })
    expect(await rolesOf('dee')).toEqual(expect.arrayContaining(['team:lab', 'team:lab/chemist', `member:${confirmed.body.$id}`]))

    await signUpAndIn(emu, 'owner@example.com')
    await teams().create({ teamId: 'den', name: 'Den' })
    await teams().createMembership({ teamId: 'den', roles: ['cub'], userId: 'eve', url: 'http://app.test/join' })
    expect((await rolesOf('eve')).filter((r) => r.startsWith('team:'))).toEqual([])
  })
})
