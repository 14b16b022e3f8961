import { describe, expect, test } from 'vitest'
import { appFlow } from '../node/compat/app-flow.js'
import { AUTHORS, BOOKS, BOOK_AUTHOR, PHOTOS, PNG_1X1 } from '../node/compat/fixtures.js'
import { expectRelated } from '../node/compat/expect-related.js'
import { type SdkMajor, expectSdkModel } from '../node/compat/sdk-versions.js'
import { expectModel } from '../support/expect-model.js'
import { useHarness } from '../support/harness.js'

/**
 * The same small app on every SDK major, in Chromium, through the real service worker: /compat.html puts each
 * SDK on `window.sdks` (npm aliases `appwrite-sdk-<major>`), and the app is the one the Node tests run.
 */
const harness = useHarness()

type Answers = Awaited<ReturnType<typeof appFlow>>

const runApp = async (major: number): Promise<Answers> => {
  const emu = await harness.page()
  await emu.open('/compat.html')
  await emu.boot()
  const answers = await emu.run(
    async ({ client, emulator }, a) => {
      const server = async (path: string, body: unknown) => {
        const res = await fetch(`${client.config.endpoint}${path}`, {
          method: 'POST',
          headers: { 'x-appwrite-project': 'test', 'x-appwrite-key': 'k', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        if (res.status !== 201 && res.status !== 202) throw new Error(`${path}: ${await res.text()}`)
      }
      await server('/databases', { databaseId: 'db', name: 'Main' })
      await server('/databases/db/collections', a.books)
      await server('/databases/db/collections', a.authors)
      await server('/databases/db/collections/books/attributes/relationship', a.relation)
      await server('/storage/buckets', a.photos)
      const flow = new Function(`return (${a.flow})`)()
      return flow(window.sdks[a.major as keyof Window['sdks']], {
        major: a.major,
        endpoint: client.config.endpoint,
        projectId: 'test',
        email: 'ann@example.com',
        png: a.png,
        realtime: emulator.realtime,
      })
    },
    { major, flow: appFlow.toString(), books: BOOKS, authors: AUTHORS, relation: BOOK_AUTHOR, photos: PHOTOS, png: PNG_1X1 },
  )
  expect(emu.offsite).toEqual([])
  expect(harness.server.apiLeaks()).toEqual([])
  return answers
}

describe('an app on each SDK major runs unchanged in the browser', () => {
  for (const major of [11, 13, 15, 17, 20, 27] as const) {
    test(`SDK ${major}: sign-up, sign-in, teams, documents with queries, file upload and preview, realtime`, async () => {
      const a = await runApp(major)
      expect(a.me).toMatchObject({ $id: a.user.$id, email: 'ann@example.com' })
      expect(a.teamList.total).toBe(1)
      const titles = (list: { documents: Array<{ title: string }> }) => list.documents.map((d) => d.title)
      expect([titles(a.listed), titles(a.byTitle), titles(a.page)]).toEqual([['Ulysses', 'Dune'], ['Dune', 'Emma'], ['Ulysses']])
      expect(a.updated.pages).toBe(413)
      expect(a.gone).toEqual({ code: 404, type: 'document_not_found' })
      expectRelated(major, a)
      expect(a.files?.files.map((f: { $id: string }) => f.$id)).toEqual([a.file.$id])
      expect(a.preview).toMatchObject({ status: 200, type: 'image/png' })

      const doc = `databases.db.collections.books.documents.${a.dune.$id}`
      expect(a.events.map((e) => e.events[0])).toEqual([
        expect.stringMatching(new RegExp(`^users\\.${a.user.$id}\\.update`)),
        `${doc}.create`,
        expect.stringMatching(/^databases\.db\.collections\.books\.documents\.\w+\.create$/),
        expect.stringMatching(/^databases\.db\.collections\.books\.documents\.\w+\.create$/),
        `${doc}.update`,
        `${doc}.delete`,
      ])
      expect(a.events[1]).toMatchObject({ title: 'Dune', channels: expect.arrayContaining(['databases.db.collections.books.documents']) })

      const check = (json: unknown, model: string) => (major === 27 ? expectModel(json, model) : expectSdkModel(major as SdkMajor, json, model))
      for (const [json, model] of [
        [a.me, 'user'], [a.session, 'session'], [a.sessions, 'sessionList'], [a.jwt, 'jwt'], [a.teamList, 'teamList'],
        [a.memberships, 'membershipList'], [a.listed, 'documentList'], [a.got, 'document'], [a.file, 'file'], [a.files, 'fileList'],
      ] as const) {
        check(json, model)
      }
      expect(typeof a.got.$sequence).toBe(major < 27 ? 'number' : 'string')
    })
  }
})
