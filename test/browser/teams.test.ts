import { expect, test } from 'vitest'
import type { OutboxMessage } from '../../src/outbox/index.js'
import { useHarness } from '../support/harness.js'

const harness = useHarness()

test('an owner invites by email; the invitee accepts from the emailed link, is signed in and sees the team', async () => {
  const emu = await harness.page()
  await emu.start()
  const team = await emu.run(async ({ appwrite, client }) => {
    const account = new appwrite.Account(client)
    await account.create({ userId: 'olga', email: 'olga@example.com', password: 'password123', name: 'Olga' })
    await account.createEmailPasswordSession({ email: 'olga@example.com', password: 'password123' })
    const teams = new appwrite.Teams(client)
    const team = await teams.create({ teamId: 'crew', name: 'Crew' })
    await teams.createMembership({ teamId: 'crew', roles: ['editor'], email: 'nia@example.com', url: `${location.origin}/?join` })
    await account.deleteSession({ sessionId: 'current' })
    return team
  })
  expect(team).toMatchObject({ $id: 'crew', total: 1 })

  // The invitation, read from the outbox as a user's own test would.
  const [invitation] = await emu.run(async ({ client }) => {
    const res = await fetch(`${client.config.endpoint}/offwrite/outbox?to=nia@example.com&kind=invitation`, {
      headers: { 'x-appwrite-project': client.config.project },
    })
    return ((await res.json()) as { messages: OutboxMessage[] }).messages
  })
  expect(invitation.subject).toBe('Invitation to Crew Team at test')

  await emu.page.goto(invitation.link)
  await emu.boot()
  const joined = await emu.run(async ({ appwrite, client }) => {
    const params = new URLSearchParams(location.search)
    const teams = new appwrite.Teams(client)
    const membership = await teams.updateMembershipStatus({
      teamId: params.get('teamId') ?? '', membershipId: params.get('membershipId') ?? '',
      userId: params.get('userId') ?? '', secret: params.get('secret') ?? '',
    })
    const me = await new appwrite.Account(client).get()
    const list = await teams.list()
    const rename = await teams.updateName({ teamId: 'crew', name: 'Mine' }).then(() => 'renamed', (e: { type: string }) => e.type)
    return { membership, me, list, rename }
  })
  expect(joined.membership).toMatchObject({ confirm: true, roles: ['editor'], teamName: 'Crew' })
  expect([joined.me.email, joined.me.emailVerification]).toEqual(['nia@example.com', true])
  expect(joined.list.teams.map((t) => [t.$id, t.total])).toEqual([['crew', 2]])
  expect(joined.rename).toBe('user_unauthorized')
  expect(harness.server.apiLeaks()).toEqual([])
})
