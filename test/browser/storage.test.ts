import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { expectModel } from '../support/expect-model.js'
import { useHarness } from '../support/harness.js'
import { patternBytes } from '../node/storage/storage-helpers.js'
import { installStorageHelpers } from './storage-helpers.js'

const harness = useHarness()
const MiB = 1024 * 1024
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')

/** A started page with the helpers and one bucket. */
const storagePage = async (bucket: Record<string, unknown> = {}) => {
  const emu = await harness.page()
  await emu.start()
  await installStorageHelpers(emu)
  const created = await emu.run((_sdk, body) => window.__storage.server('POST', '/storage/buckets', body), {
    bucketId: 'files', name: 'Files', permissions: ['create("any")', 'read("any")'], ...bucket,
  })
  expect(created.status).toBe(201)
  return emu
}

describe('storage in Chromium with the official SDK', () => {
  test('a small upload and a 12 MB chunked upload with progress callbacks', async () => {
    const emu = await storagePage()
    const result = await emu.run(async ({ appwrite, client }) => {
      const storage = new appwrite.Storage(client)
      const small = await storage.createFile({ bucketId: 'files', fileId: 'small', file: new File(['hello offwrite'], 'hello.txt') })
      const bytes = window.__storage.pattern(12 * 1024 * 1024, 5)
      const progress: number[][] = []
      const big = await storage.createFile({
        bucketId: 'files',
        fileId: 'big',
        file: new File([bytes], 'big.bin'),
        onProgress: (p) => progress.push([p.chunksUploaded, p.chunksTotal, p.progress]),
      })
      const downloaded = await fetch(storage.getFileDownload({ bucketId: 'files', fileId: 'big' })).then((r) => r.blob())
      return {
        small,
        big,
        progress,
        same: (await window.__storage.sha256(downloaded)) === (await window.__storage.sha256(new Blob([bytes]))),
      }
    })
    expectModel(result.small, 'file')
    expectModel(result.big, 'file')
    expect(result.small).toMatchObject({ mimeType: 'text/plain', sizeOriginal: 14, chunksTotal: 1, signature: md5(new TextEncoder().encode('hello offwrite')) })
    expect(result.big).toMatchObject({ chunksTotal: 3, chunksUploaded: 3, sizeOriginal: 12 * MiB, signature: md5(patternBytes(12 * MiB, 5)) })
    // Chunks 2 and 3 go up together: whichever finishes first is counted second (83 % or 58 %).
    expect(result.progress.map(([uploaded, total]) => [uploaded, total])).toEqual([[1, 3], [2, 3], [3, 3]])
    expect(result.progress.map(([, , percent]) => percent)).toEqual([42, expect.toBeOneOf([58, 83]), 100])
    expect(result.same).toBe(true)
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('an upload cut off half way completes after the worker stops and the page reloads', async () => {
    const emu = await storagePage()
    const first = await emu.run(async () => {
      const bytes = window.__storage.pattern(12 * 1024 * 1024, 9)
      const chunk = 5 * 1024 * 1024
      await window.__storage.chunk('files', 'resumed', bytes, 0, chunk, 'movie.bin', false)
      return window.__storage.chunk('files', 'resumed', bytes, 2 * chunk, bytes.length, 'movie.bin', true)
    })
    expect([first.chunksUploaded, first.chunksTotal]).toEqual([2, 3])
    await emu.stopWorker()
    await emu.reload()
    await installStorageHelpers(emu)
    const file = await emu.run(async ({ appwrite, client }) => {
      const bytes = window.__storage.pattern(12 * 1024 * 1024, 9)
      return new appwrite.Storage(client).createFile({ bucketId: 'files', fileId: 'resumed', file: new File([bytes], 'movie.bin') })
    })
    expect(file).toMatchObject({ chunksUploaded: 3, chunksTotal: 3, name: 'movie.bin', signature: md5(patternBytes(12 * MiB, 9)) })
  })

  test('Range requests from fetch: 206 with the bytes, 416 as Appwrite answers', async () => {
    const emu = await storagePage()
    const result = await emu.run(async ({ appwrite, client }) => {
      const storage = new appwrite.Storage(client)
      await storage.createFile({ bucketId: 'files', fileId: 'abc', file: new File(['abcdefghijklmnopqrstuvwxyz'], 'abc.txt') })
      const url = storage.getFileView({ bucketId: 'files', fileId: 'abc' })
      const part = await fetch(url, { headers: { Range: 'bytes=3-6' } })
      const refused = await fetch(url, { headers: { Range: 'bytes=0-0' } })
      return {
        part: [part.status, part.headers.get('content-range'), part.headers.get('accept-ranges'), await part.text()],
        refused: [refused.status, (await refused.json()).type],
      }
    })
    expect(result.part).toEqual([206, 'bytes 3-6/26', 'bytes', 'defg'])
    expect(result.refused).toEqual([416, 'storage_invalid_range'])
  })

  test('<img> loads carry the page’s session; signed out, or another user, they are refused', async () => {
    const emu = await storagePage({ bucketId: 'private', permissions: ['create("users")'], fileSecurity: true })
    const result = await emu.run(async ({ appwrite, client }) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: 'ann', email: 'ann@example.com', password: 'ann-password-1' })
      await account.createEmailPasswordSession({ email: 'ann@example.com', password: 'ann-password-1' })
      const storage = new appwrite.Storage(client)
      const image = await window.__storage.quadrants(40, 20, 'image/png')
      await storage.createFile({ bucketId: 'private', fileId: 'face', file: new File([image], 'face.png') })
      const url = storage.getFileView({ bucketId: 'private', fileId: 'face' })
      const signedIn = await window.__storage.image(url)
      const token = await window.__storage.server('POST', '/tokens/buckets/private/files/face', {})
      await account.deleteSession({ sessionId: 'current' })
      // A new URL: the document's image cache would answer the same one without a request.
      const signedOut = await window.__storage.image(`${url}&again=1`).then(() => 'loaded', () => 'refused')
      const status = await fetch(url).then(async (r) => [r.status, (await r.json()).type])
      await account.create({ userId: 'bob', email: 'bob@example.com', password: 'bob-password-1' })
      await account.createEmailPasswordSession({ email: 'bob@example.com', password: 'bob-password-1' })
      const otherUser = await window.__storage.image(`${url}&bob=1`).then(() => 'loaded', () => 'refused')
      await account.deleteSession({ sessionId: 'current' })
      const withToken = await window.__storage.image(storage.getFileView({ bucketId: 'private', fileId: 'face', token: token.body.secret }))
      const listed = await storage.listFiles({ bucketId: 'private' })
      return { signedIn, signedOut, otherUser, status, withToken, listed: listed.total }
    })
    expect([result.signedIn.width, result.signedIn.height]).toEqual([40, 20])
    expect(result.signedOut).toBe('refused')
    expect(result.otherUser).toBe('refused')
    expect(result.status).toEqual([404, 'storage_file_not_found'])
    expect(result.withToken.width).toBe(40)
    expect(result.listed).toBe(0)
  })
})
