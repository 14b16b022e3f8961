import { expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'

const harness = useHarness()

/** A project file as the Appwrite CLI writes it, plus a project setting, all in `startEmulator({ config })`. */
const CONFIG = {
  projectId: 'test',
  projectName: 'Club',
  auth: { maxSessions: 3 },
  databases: [{ $id: 'club', name: 'Club', enabled: true }],
  collections: [
    {
      $id: 'posts', $permissions: ['read("any")', 'create("users")'], databaseId: 'club', name: 'Posts', enabled: true, documentSecurity: true,
      attributes: [{ key: 'title', type: 'string', size: 100, required: true, array: false, default: null }],
      indexes: [{ key: 'by_title', type: 'key', attributes: ['title'], orders: ['ASC'] }],
    },
  ],
  buckets: [{ $id: 'photos', name: 'Photos', $permissions: ['read("any")'], fileSecurity: false, enabled: true }],
  teams: [{ $id: 'staff', name: 'Staff' }],
}

test('startEmulator({ config }) creates the project file’s schema at every start, idempotently', async () => {
  const emu = await harness.page()
  await emu.start({ projectId: 'test', config: CONFIG })
  await emu.reload() // the second start applies the same file again
  const result = await emu.run(async ({ appwrite, client }) => {
    const account = new appwrite.Account(client)
    await account.create({ userId: 'poster', email: 'poster@example.com', password: 'poster password' })
    await account.createEmailPasswordSession({ email: 'poster@example.com', password: 'poster password' })
    const databases = new appwrite.Databases(client)
    const created = await databases.createDocument({ databaseId: 'club', collectionId: 'posts', documentId: 'p1', data: { title: 'Hello' } })
    const listed = await databases.listDocuments({ databaseId: 'club', collectionId: 'posts', queries: [appwrite.Query.equal('title', 'Hello')] })
    const files = await new appwrite.Storage(client).listFiles({ bucketId: 'photos' })
    const key = { headers: { 'x-appwrite-project': 'test', 'x-appwrite-key': 'k' } }
    const team = await (await fetch(`${client.config.endpoint}/teams/staff`, key)).json()
    return { created, total: listed.total, files: files.total, team: team.name }
  })
  expect(result).toMatchObject({ created: { title: 'Hello', $collectionId: 'posts' }, total: 1, files: 0, team: 'Staff' })
  expect(harness.server.apiLeaks()).toEqual([])
})
