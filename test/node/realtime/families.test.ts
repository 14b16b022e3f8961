import { Databases, Permission, Realtime, Role, Storage, TablesDB, Teams } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readOutbox } from '../../../src/outbox/index.js'
import { type RealtimeEmulator, collector, eventually, startRealtimeEmulator } from './realtime-emulator.js'

let emu: RealtimeEmulator
beforeEach(() => {
  emu = startRealtimeEmulator()
})
afterEach(() => emu.close())

/** A server call with an all-scopes API key. */
const server = async (method: string, path: string, body: Record<string, unknown>) => {
  const response = await emu.fetch(path, {
    method,
    headers: { 'x-appwrite-key': 'k', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

const notesCollection = async (documentSecurity: boolean) => {
  await server('POST', '/databases', { databaseId: 'db', name: 'DB' })
  await server('POST', '/databases/db/collections', {
    collectionId: 'notes',
    name: 'Notes',
    permissions: [Permission.read(Role.users()), Permission.create(Role.users())],
    documentSecurity,
  })
  await server('POST', '/databases/db/collections/notes/attributes/string', { key: 'title', size: 100, required: false })
}

describe('realtime events of each channel family', () => {
  it('documents: 16 channels, mirrored names, and the read roles of the collection', async () => {
    await notesCollection(false)
    const { client } = await emu.userClient('ann@example.com')
    const guest = collector()
    const byDocument = collector()
    const byRows = collector()
    await new Realtime(client).subscribe('databases.db.collections.notes.documents', byDocument.callback)
    await new Realtime(client).subscribe('tablesdb.db.tables.notes.rows.create', byRows.callback)
    await new Realtime(emu.client()).subscribe('documents', guest.callback)
    await emu.realtime.settled()
    const doc = await new Databases(client).createDocument({ databaseId: 'db', collectionId: 'notes', documentId: 'n1', data: { title: 'Hi' } })
    await eventually(() => expect(byRows.received).toHaveLength(1))
    await eventually(() => expect(byDocument.received).toHaveLength(1))
    const [message] = byDocument.received
    expect(message.channels).toHaveLength(16)
    expect(message.events).toHaveLength(42)
    expect(message.events[0]).toBe('databases.db.collections.notes.documents.n1.create')
    expect(message.events).toContain('databases.*.tables.*.rows.*.create')
    expect(message.payload).toEqual(JSON.parse(JSON.stringify(doc)))
    await emu.realtime.settled()
    // The collection lets `users` read: a guest socket gets nothing.
    expect(guest.received).toEqual([])
  })

  it('rows through TablesDB reach document subscribers too', async () => {
    await server('POST', '/tablesdb', { databaseId: 'tdb', name: 'TDB' })
    await server('POST', '/tablesdb/tdb/tables', { tableId: 't', name: 'T', permissions: [Permission.read(Role.any()), Permission.create(Role.any())] })
    await server('POST', '/tablesdb/tdb/tables/t/columns/string', { key: 'title', size: 100, required: false })
    const events = collector()
    await new Realtime(emu.client()).subscribe(['rows', 'databases.tdb.collections.t.documents.r1'], events.callback)
    await emu.realtime.settled()
    await new TablesDB(emu.client()).createRow({ databaseId: 'tdb', tableId: 't', rowId: 'r1', data: { title: 'x' } })
    await eventually(() => expect(events.received).toHaveLength(1))
    expect(events.received[0].channels).toEqual(expect.arrayContaining(['rows.create', 'tablesdb.tdb.tables.t.rows.r1.create']))
    expect(events.received[0].payload.$tableId).toBe('t')
  })

  it('documents with document security reach only who may read them', async () => {
    await notesCollection(true)
    const ann = await emu.userClient('ann@example.com')
    const bob = await emu.userClient('bob@example.com')
    const annEvents = collector()
    const bobEvents = collector()
    await new Realtime(ann.client).subscribe('documents', annEvents.callback)
    await new Realtime(bob.client).subscribe('documents', bobEvents.callback)
    await emu.realtime.settled()
    // The collection grants no read; each document grants its owner.
    await server('PUT', '/databases/db/collections/notes', { name: 'Notes', permissions: [Permission.create(Role.users())], documentSecurity: true })
    await new Databases(ann.client).createDocument({
      databaseId: 'db',
      collectionId: 'notes',
      documentId: 'private',
      data: { title: 'mine' },
      permissions: [Permission.read(Role.user(ann.userId))],
    })
    await new Databases(bob.client).createDocument({
      databaseId: 'db',
      collectionId: 'notes',
      documentId: 'shared',
      data: { title: 'ours' },
      permissions: [Permission.read(Role.users())],
    })
    await eventually(() => expect(annEvents.received).toHaveLength(2))
    await emu.realtime.settled()
    expect(annEvents.received.map((m) => m.payload.$id)).toEqual(['private', 'shared'])
    expect(bobEvents.received.map((m) => m.payload.$id)).toEqual(['shared'])
  })

  it('files: 6 channels and the bucket read roles', async () => {
    await server('POST', '/storage/buckets', {
      bucketId: 'pics',
      name: 'Pics',
      permissions: [Permission.read(Role.any()), Permission.create(Role.any())],
    })
    const events = collector()
    await new Realtime(emu.client()).subscribe('buckets.pics.files', events.callback)
    await emu.realtime.settled()
    const file = await new Storage(emu.client()).createFile({ bucketId: 'pics', fileId: 'f1', file: new File(['hello'], 'a.txt') })
    await eventually(() => expect(events.received).toHaveLength(1))
    expect(events.received[0].channels.sort()).toEqual(
      ['files', 'files.create', 'buckets.pics.files', 'buckets.pics.files.create', 'buckets.pics.files.f1', 'buckets.pics.files.f1.create'].sort(),
    )
    expect(events.received[0].events).toHaveLength(10)
    expect(events.received[0].payload.$id).toBe(file.$id)
  })

  it('memberships: an invitee hears nothing until they join, then their roles are refreshed', async () => {
    const ann = await emu.userClient('ann@example.com')
    const bob = await emu.userClient('bob@example.com')
    const team = await new Teams(ann.client).create({ teamId: 'crew', name: 'Crew' })
    const annEvents = collector()
    const bobEvents = collector()
    await new Realtime(ann.client).subscribe(['memberships', 'teams'], annEvents.callback)
    await new Realtime(bob.client).subscribe(['memberships', 'teams'], bobEvents.callback)
    await emu.realtime.settled()

    const invited = await new Teams(ann.client).createMembership({ teamId: team.$id, roles: ['editor'], email: 'bob@example.com', url: 'http://localhost/join' })
    await eventually(() => expect(annEvents.received).toHaveLength(1))
    await emu.realtime.settled()
    expect(bobEvents.received).toEqual([])

    const [invitation] = await readOutbox(await emu.engine.store(emu.projectId), { to: 'bob@example.com', kind: 'invitation' })
    await new Teams(bob.client).updateMembershipStatus({
      teamId: team.$id,
      membershipId: invited.$id,
      userId: bob.userId,
      secret: invitation.secret as string,
    })
    await eventually(() => expect(bobEvents.received).toHaveLength(1))
    expect(bobEvents.received[0].events[0]).toBe(`teams.crew.memberships.${invited.$id}.update.status`)
    expect(bobEvents.received[0].channels).toEqual(['memberships', `memberships.${invited.$id}`, 'memberships.update', `memberships.${invited.$id}.update`])
    // Bob is a member now: team updates reach him.
    await new Teams(ann.client).updateName({ teamId: team.$id, name: 'Crew 2' })
    await eventually(() => expect(bobEvents.received).toHaveLength(2))
    expect(bobEvents.received[1].payload.name).toBe('Crew 2')
  })
})
