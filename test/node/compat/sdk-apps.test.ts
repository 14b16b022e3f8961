import { afterEach, describe, expect, it } from 'vitest'
import { expectModel } from '../../support/expect-model.js'
import { ENDPOINT, type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { appFlow } from './app-flow.js'
import { expectRelated } from './expect-related.js'
import { PNG_1X1, seedApp } from './fixtures.js'
import { SDKS } from './old-sdks.js'
import { type SdkMajor, expectSdkModel } from './sdk-versions.js'

let emu: NodeEmulator
afterEach(() => emu.close())

type Answers = Awaited<ReturnType<typeof appFlow>>

/** Every answer of the flow against the models that SDK major declares. */
const expectModels = (major: number, a: Answers) => {
  const check = (json: unknown, model: string) =>
    major === 27 ? expectModel(json, model) : expectSdkModel(major as SdkMajor, json, model)
  check(a.user, 'user')
  check(a.me, 'user')
  check(a.session, 'session')
  check(a.sessions, 'sessionList')
  check(a.jwt, 'jwt')
  check(a.team, 'team')
  check(a.teamList, 'teamList')
  check(a.memberships, 'membershipList')
  check(a.listed, 'documentList')
  check(a.got, 'document')
  check(a.updated, 'document')
  if (a.file) check(a.file, 'file')
  if (a.files) check(a.files, 'fileList')
}

describe('an app on each SDK major runs unchanged (Node, the real old SDK packages)', () => {
  for (const major of [11, 13, 15, 17, 20, 27] as const) {
    it(`SDK ${major}: sign-up, sign-in, teams, documents with queries, files`, async () => {
      emu = startNodeEmulator()
      await seedApp(emu)
      // SDKs 11 and 13 upload through `form-data` and node-fetch, which take no web `File` in Node: their
      // uploads run in the browser test (test/browser/compat-sdks.test.ts).
      const png = major > 13 ? PNG_1X1 : undefined
      const a = await appFlow(SDKS[major], { major, endpoint: ENDPOINT, projectId: emu.projectId, email: 'ann@example.com', png })

      expect(a.me).toMatchObject({ $id: a.user.$id, email: 'ann@example.com', name: 'Ann' })
      expect(a.session).toMatchObject({ userId: a.user.$id, provider: 'email', current: true })
      expect(a.jwt.jwt.split('.')).toHaveLength(3)
      expect(a.teamList.teams.map((t: { name: string }) => t.name)).toEqual(['Readers'])
      expect(a.memberships.memberships[0]).toMatchObject({ userId: a.user.$id, roles: ['owner'] })

      const titles = (list: { documents: Array<{ title: string }> }) => list.documents.map((d) => d.title)
      expect(titles(a.listed)).toEqual(['Ulysses', 'Dune'])
      expect(titles(a.byTitle)).toEqual(['Dune', 'Emma'])
      expect(titles(a.page)).toEqual(['Ulysses'])
      expect(a.got).toMatchObject({ $id: a.dune.$id, $collectionId: 'books', $databaseId: 'db', title: 'Dune', pages: 412 })
      expect(a.updated.pages).toBe(413)
      expect(a.gone).toEqual({ code: 404, type: 'document_not_found' })
      expectRelated(major, a)
      if (a.files) {
        expect(a.files.files.map((f: { $id: string }) => f.$id)).toEqual([a.file.$id])
        // Node has no canvas: the preview route answers, after its checks, that it cannot render here.
        expect(a.preview?.status).toBe(501)
      }
      expectModels(major, a)
    })
  }

  it('shapes each answer for the format the SDK sent', async () => {
    emu = startNodeEmulator()
    await seedApp(emu)
    const answers = new Map<number, Answers>()
    for (const major of [13, 15, 20, 27] as const) {
      emu.signOutLocally()
      answers.set(major, await appFlow(SDKS[major], { major, endpoint: ENDPOINT, projectId: emu.projectId, email: `u${major}@example.com` }))
    }
    const at = (major: number) => answers.get(major) as Answers
    // MFA and messaging targets (1.5) are not shown to 1.4 clients; nor are session factors and secrets.
    expect(at(13).me).not.toHaveProperty('mfa')
    expect(at(13).me).not.toHaveProperty('targets')
    expect(at(13).session).not.toHaveProperty('factors')
    expect(at(13).sessions.sessions[0]).not.toHaveProperty('secret')
    expect(at(13).memberships.memberships[0]).not.toHaveProperty('mfa')
    expect(at(15).me).toMatchObject({ mfa: false, targets: [expect.objectContaining({ identifier: 'u15@example.com' })] })
    expect(at(15).session.factors).toEqual(['password'])
    // `$sequence` was an integer before 1.9, a string since.
    expect(at(13).got.$sequence).toEqual(expect.any(Number))
    expect(at(20).listed.documents.map((d: { $sequence: unknown }) => typeof d.$sequence)).toEqual(['number', 'number'])
    expect(at(27).got.$sequence).toEqual(expect.any(String))
    expect(Number(at(27).got.$sequence)).toBe(at(20).got.$sequence + 4)
    // Membership phone numbers (1.9.2) are left out for every older format.
    expect(at(20).memberships.memberships[0]).not.toHaveProperty('userPhone')
    expect(at(27).memberships.memberships[0]).toHaveProperty('userPhone')
  })

  it('SDK 11 selects a document’s attributes with the old syntax; SDK 20 reads TablesDB rows as 1.8 did', async () => {
    emu = startNodeEmulator()
    await seedApp(emu)
    const { Client, Account, Databases, Query, ID } = SDKS[11]
    const client = new Client().setEndpoint(ENDPOINT).setProject(emu.projectId)
    await new Account(client).create(ID.unique(), 'ann@example.com', 'password123')
    await new Account(client).createEmailSession('ann@example.com', 'password123')
    const databases = new Databases(client)
    const doc = await databases.createDocument('db', 'books', 'dune', { title: 'Dune', pages: 412 })
    const selected = await databases.getDocument('db', 'books', doc.$id, [Query.select(['title'])])
    expect(selected).toMatchObject({ $id: 'dune', title: 'Dune', $sequence: 1 })
    expect(selected).not.toHaveProperty('pages')

    const v20 = SDKS[20]
    const tables = new v20.TablesDB(new v20.Client().setEndpoint(ENDPOINT).setProject(emu.projectId))
    const rows = await tables.listRows({ databaseId: 'db', tableId: 'books', queries: [v20.Query.equal('title', 'Dune')] })
    expect(rows.rows.map((r) => [r.$id, r.$sequence])).toEqual([['dune', 1]])
    expectSdkModel(20, rows, 'rowList')
  })
})
