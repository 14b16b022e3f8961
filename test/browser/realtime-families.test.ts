import { Permission, Role } from 'appwrite'
import { describe, expect, test } from 'vitest'
import type { EmulatorPage } from '../support/emulator-page.js'
import { useHarness } from '../support/harness.js'
import { messages, settled, signUp, subscribe, waitForMessages } from './realtime-helpers.js'

const harness = useHarness()

/** A server-side call through the worker's admin API (an all-scopes key). */
const api = (emu: EmulatorPage, method: string, path: string, body: Record<string, unknown>) =>
  emu.run(({ emulator }, a) => emulator.admin.api(emulator.projectId, a.method, a.path, a.body), { method, path, body })

describe('realtime channel families in Chromium', () => {
  test('documents and rows: every channel, the mirrored names, and only readers receive them', async () => {
    const emu = await harness.page()
    await emu.start()
    await api(emu, 'POST', '/databases', { databaseId: 'db', name: 'DB' })
    await api(emu, 'POST', '/databases/db/collections', {
      collectionId: 'notes',
      name: 'Notes',
      permissions: [Permission.read(Role.users()), Permission.create(Role.users())],
    })
    await api(emu, 'POST', '/databases/db/collections/notes/attributes/string', { key: 'title', size: 100, required: false })
    await subscribe(emu, 'guest', ['documents'])
    await signUp(emu, 'ann@example.com', 'Ann')
    await subscribe(emu, 'documents', ['databases.db.collections.notes.documents'])
    await subscribe(emu, 'rows', ['tablesdb.db.tables.notes.rows.create'], { legacy: true })
    await settled(emu)

    const doc = await emu.run(({ appwrite, client }) =>
      new appwrite.Databases(client).createDocument({ databaseId: 'db', collectionId: 'notes', documentId: 'n1', data: { title: 'Hi' } }),
    )
    const [message] = await waitForMessages(emu, 'documents', 1)
    await waitForMessages(emu, 'rows', 1)
    expect(message.channels).toHaveLength(16)
    expect(message.channels).toEqual(expect.arrayContaining(['documents.create', 'rows', 'databases.db.tables.notes.rows.n1.create']))
    expect(message.events).toHaveLength(42)
    expect(message.events).toEqual(expect.arrayContaining(['databases.*.collections.*.documents.*.create', 'databases.db.tables.notes.rows.n1']))
    expect(message.payload).toEqual(doc)
    await settled(emu)
    expect(await messages(emu, 'guest')).toEqual([])
  })

  test('files: six channels with the action suffix', async () => {
    const emu = await harness.page()
    await emu.start()
    await api(emu, 'POST', '/storage/buckets', {
      bucketId: 'pics',
      name: 'Pics',
      permissions: [Permission.read(Role.any()), Permission.create(Role.any())],
    })
    await subscribe(emu, 'files', ['files'])
    await settled(emu)
    const file = await emu.run(({ appwrite, client }) =>
      new appwrite.Storage(client).createFile({ bucketId: 'pics', fileId: 'f1', file: new File(['hello'], 'hello.txt') }),
    )
    const [message] = await waitForMessages(emu, 'files', 1)
    expect(message.channels.sort()).toEqual(
      ['files', 'files.create', 'buckets.pics.files', 'buckets.pics.files.create', 'buckets.pics.files.f1', 'buckets.pics.files.f1.create'].sort(),
    )
    expect(message.events[0]).toBe('buckets.pics.files.f1.create')
    expect(message.payload).toEqual(file)
  })

  test('teams and memberships: members hear their team; an invitee hears it once joined', async () => {
    const ann = await harness.page()
    await ann.start()
    await signUp(ann, 'ann@example.com', 'Ann')
    const bobId = await signUp(ann, 'bob@example.com', 'Bob', 'bob')
    await subscribe(ann, 'ann', ['teams', 'memberships'])
    await subscribe(ann, 'bob', ['teams', 'memberships'], { as: 'bob' })
    await settled(ann)

    const team = await ann.run(({ appwrite, client }) => new appwrite.Teams(client).create({ teamId: 'crew', name: 'Crew' }))
    const invited = await ann.run(({ appwrite, client }) =>
      new appwrite.Teams(client).createMembership({ teamId: 'crew', roles: ['editor'], email: 'bob@example.com', url: `${location.origin}/join` }),
    )
    await waitForMessages(ann, 'ann', 2)
    await settled(ann)
    expect(await messages(ann, 'bob')).toEqual([])

    const [invitation] = await ann.run(({ emulator }) => emulator.admin.outbox(emulator.projectId, { to: 'bob@example.com', kind: 'invitation' }))
    await ann.run(
      ({ appwrite }, a) =>
        new appwrite.Teams((window as any).__rt.clients.bob).updateMembershipStatus({
          teamId: 'crew',
          membershipId: a.membershipId,
          userId: a.userId,
          secret: a.secret,
        }),
      { membershipId: invited.$id, userId: bobId, secret: invitation.secret as string },
    )
    const [joined] = await waitForMessages(ann, 'bob', 1)
    expect(joined.events[0]).toBe(`teams.crew.memberships.${invited.$id}.update.status`)
    expect(joined.channels).toEqual(['memberships', `memberships.${invited.$id}`, 'memberships.update', `memberships.${invited.$id}.update`])
    expect((await messages(ann, 'ann')).map((m) => m.channels[0])).toEqual(['teams', 'memberships', 'memberships'])
    expect(team.$id).toBe('crew')
  })
})
