import { Databases, ID, Permission, Query, Role } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall, signedIn } from './support.js'

/** The permission rules of semantics §2–3, each shown through the official SDK. */
let emu: NodeEmulator
afterEach(() => emu.close())

const ATTRS = [{ key: 'title', type: 'string', size: 32, required: false }]
const ids = { databaseId: 'db', collectionId: 'books' }
const seed = (id: string, permissions: string[]) =>
  serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documentId: id, data: { title: id }, permissions })
const visible = async (databases: Databases) => (await databases.listDocuments(ids)).documents.map((d) => d.$id).sort()

describe('Document permissions', () => {
  it('collection permissions with document security off: documents permissions are ignored', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRS, permissions: [Permission.read(Role.users())], security: false })
    await seed('a', [])
    await seed('b', [Permission.read(Role.any())])
    const guest = new Databases(emu.client())
    // A list on a collection the caller cannot read, with document security off, is 401.
    const refused = await guest.listDocuments(ids).catch((e) => e)
    expect([refused.code, refused.type]).toEqual([401, 'user_unauthorized'])
    // Get of a document it cannot read is 404, as if it did not exist.
    expect((await guest.getDocument({ ...ids, documentId: 'b' }).catch((e) => e)).code).toBe(404)
    const { client } = await signedIn(emu, 'reader@example.com')
    expect(await visible(new Databases(client))).toEqual(['a', 'b'])
  })

  it('document security on: lists leave out what the caller may not read', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRS, permissions: [Permission.create(Role.users())], security: true })
    const { client, userId } = await signedIn(emu, 'owner@example.com')
    await seed('mine', [Permission.read(Role.user(userId))])
    await seed('public', [Permission.read(Role.any())])
    await seed('hidden', [Permission.read(Role.user('someone'))])
    const databases = new Databases(client)
    expect(await visible(databases)).toEqual(['mine', 'public'])
    const list = await databases.listDocuments({ ...ids, queries: [Query.limit(1)] })
    expect(list.total).toBe(2)
    expect((await databases.getDocument({ ...ids, documentId: 'hidden' }).catch((e) => e)).type).toBe('document_not_found')
    // Update and delete of an existing but unpermitted document are 401, not 404.
    expect((await databases.updateDocument({ ...ids, documentId: 'hidden', data: { title: 'x' } }).catch((e) => e)).code).toBe(401)
    expect((await databases.deleteDocument({ ...ids, documentId: 'hidden' }).catch((e) => e)).code).toBe(401)
    expect((await databases.deleteDocument({ ...ids, documentId: 'missing' }).catch((e) => e)).code).toBe(404)
    emu.signOutLocally()
    expect(await visible(new Databases(emu.client()))).toEqual(['public'])
  })

  it('gives created documents default permissions and lets clients grant only roles they hold', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRS, permissions: [Permission.create(Role.any())], security: true })
    const guest = new Databases(emu.client())
    expect((await guest.createDocument({ ...ids, documentId: ID.unique(), data: { title: 'g' } })).$permissions).toEqual([])
    const { client, userId } = await signedIn(emu, 'maker@example.com')
    const databases = new Databases(client)
    const mine = await databases.createDocument({ ...ids, documentId: 'mine', data: { title: 'm' } })
    expect(mine.$permissions).toEqual([`read("user:${userId}")`, `update("user:${userId}")`, `delete("user:${userId}")`])
    const explicit = await databases.createDocument({ ...ids, documentId: 'open', data: { title: 't' }, permissions: [Permission.write(Role.users()), Permission.read(Role.any())] })
    expect(explicit.$permissions).toEqual(['update("users")', 'delete("users")', 'read("any")'])
    const foreign = await databases.createDocument({ ...ids, documentId: 'x', data: { title: 't' }, permissions: [Permission.read(Role.user('other'))] }).catch((e) => e)
    expect([foreign.code, foreign.type]).toEqual([401, 'user_unauthorized'])
    expect(foreign.message).toMatch(/^Permissions must be one of: \(any, /)
    const createPerm = await databases.createDocument({ ...ids, documentId: 'y', data: { title: 't' }, permissions: ['create("any")'] }).catch((e) => e)
    expect(createPerm.message).toBe('Invalid `permissions` param: Permission "create("any")" is not allowed. Must be one of: read, update, delete, write.')
    // permissions on update replace the set; omitted keeps it; [] clears it.
    const kept = await databases.updateDocument({ ...ids, documentId: 'mine', data: { title: 'm2' } })
    expect(kept.$permissions).toEqual(mine.$permissions)
    const replaced = await databases.updateDocument({ ...ids, documentId: 'mine', permissions: [Permission.read(Role.user(userId)), Permission.update(Role.user(userId))] })
    expect(replaced.$permissions).toEqual([`read("user:${userId}")`, `update("user:${userId}")`])
    expect((await databases.deleteDocument({ ...ids, documentId: 'mine' }).catch((e) => e)).code).toBe(401)
  })

  it('needs the collection create permission to create', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRS, permissions: [Permission.create(Role.users()), Permission.read(Role.any())] })
    const refused = await new Databases(emu.client()).createDocument({ ...ids, documentId: 'x', data: { title: 't' } }).catch((e) => e)
    expect([refused.code, refused.type, refused.message]).toEqual([
      401,
      'user_unauthorized',
      'Missing "create" permission for role "users". Only "["any","guests"]" scopes are allowed and "["users"]" was given.',
    ])
  })

  it('matches every kind of role: guests, users, verified, user:ID, team, team role, member, label', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRS, permissions: [], security: true })
    const { client, userId } = await signedIn(emu, 'roles@example.com')
    await serverCall(emu, 'PUT', `/users/${userId}/labels`, { labels: ['vip'] })
    const team = await serverCall(emu, 'POST', '/teams', { teamId: 'crew', name: 'Crew' })
    expect(team.status).toBe(201)
    const membership = await serverCall(emu, 'POST', '/teams/crew/memberships', { userId, roles: ['editor'] })
    expect(membership.status).toBe(201)
    const docs: Array<[string, string]> = [
      ['guests', Role.guests()],
      ['users', Role.users()],
      ['verified', Role.users('verified')],
      ['unverified', Role.users('unverified')],
      ['me', Role.user(userId)],
      ['other', Role.user('other')],
      ['team', Role.team('crew')],
      ['team-editor', Role.team('crew', 'editor')],
      ['team-owner', Role.team('crew', 'owner')],
      ['member', Role.member(membership.body.$id)],
      ['label', Role.label('vip')],
      ['label-other', Role.label('basic')],
    ]
    for (const [id, role] of docs) await seed(id, [Permission.read(role)])
    const databases = new Databases(client)
    expect(await visible(databases)).toEqual(['label', 'me', 'member', 'team', 'team-editor', 'unverified', 'users'].sort())
    await serverCall(emu, 'PATCH', `/users/${userId}/verification`, { emailVerification: true })
    expect(await visible(databases)).toEqual(['label', 'me', 'member', 'team', 'team-editor', 'users', 'verified'].sort())
    emu.signOutLocally()
    expect(await visible(new Databases(emu.client()))).toEqual(['guests'])
  })

  it('hides disabled collections and databases from clients but not from keys', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { attributes: ATTRS, permissions: [Permission.read(Role.any())] })
    await serverCall(emu, 'PUT', '/databases/db/collections/books', { name: 'books', enabled: false, permissions: [Permission.read(Role.any())] })
    const refused = await new Databases(emu.client()).listDocuments(ids).catch((e) => e)
    expect([refused.code, refused.type]).toEqual([404, 'collection_not_found'])
    expect((await serverCall(emu, 'GET', '/databases/db/collections/books/documents')).status).toBe(200)
    await serverCall(emu, 'PUT', '/databases/db', { name: 'db', enabled: false })
    expect((await new Databases(emu.client()).listDocuments(ids).catch((e) => e)).type).toBe('database_not_found')
  })
})
