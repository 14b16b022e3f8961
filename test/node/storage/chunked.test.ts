import { createHash } from 'node:crypto'
import { Storage, type UploadProgress } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../src/store/write-path.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { createBucket, load, patternBytes, rejection, sendChunk } from './storage-helpers.js'

const MiB = 1024 * 1024
const CHUNK = 5 * MiB
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')

let emu: NodeEmulator
let events: EngineEvent[]
beforeEach(async () => {
  events = []
  emu = startNodeEmulator({ onEvents: (batch) => events.push(...batch) })
  await createBucket(emu, { permissions: ['create("any")', 'read("any")'] })
})
afterEach(() => emu.close())

const fileCreates = () => events.filter((e) => e.events[0].endsWith('.create') && e.events[0].includes('.files.'))

describe('chunked uploads, as the SDK sends them', () => {
  it('uploads 12 MB in three chunks with progress, and the file is whole', async () => {
    const bytes = patternBytes(12 * MiB)
    const progress: UploadProgress[] = []
    const file = await new Storage(emu.client()).createFile({
      bucketId: 'photos',
      fileId: 'big',
      file: new File([bytes], 'big.bin'),
      onProgress: (p) => progress.push(p),
    })
    expect(file).toMatchObject({ $id: 'big', chunksTotal: 3, chunksUploaded: 3, sizeOriginal: bytes.length, signature: md5(bytes), name: 'big.bin' })
    expect(file.mimeType).toBe('application/octet-stream')
    expect(progress.map((p) => [p.chunksUploaded, p.chunksTotal, p.sizeUploaded])).toEqual([
      [1, 3, CHUNK],
      [2, 3, 2 * CHUNK],
      [3, 3, bytes.length],
    ])
    expect(progress[2].progress).toBe(100)
    expect(fileCreates()).toHaveLength(1)
    const download = await load(emu, '/storage/buckets/photos/files/big/download')
    expect(md5(new Uint8Array(await download.arrayBuffer()))).toBe(md5(bytes))
    // The chunks stay as they came: three parts, no copy.
    const parts = await (await emu.engine.store(emu.projectId)).db.table('fileParts').where('bucketId').equals('photos').toArray()
    expect(parts.map((p) => [p.index, p.blob.size])).toEqual([[1, CHUNK], [2, CHUNK], [3, 2 * MiB]])
  })

  it('assembles chunks sent out of order, ignores a repeated one, and announces only the whole file', async () => {
    const bytes = patternBytes(11 * MiB, 3)
    const third = await sendChunk(emu, 'photos', 'ooo', bytes, 2 * CHUNK, bytes.length)
    expect([third.status, third.body.chunksUploaded, third.body.chunksTotal, third.body.signature]).toEqual([201, 1, 3, ''])
    expect(third.body.compression).toBe('')
    const again = await sendChunk(emu, 'photos', 'ooo', bytes, 2 * CHUNK, bytes.length, { id: true })
    expect([again.status, again.body.chunksUploaded]).toEqual([201, 1])
    const first = await sendChunk(emu, 'photos', 'ooo', bytes, 0, CHUNK)
    expect(first.body.chunksUploaded).toBe(2)
    expect(fileCreates()).toHaveLength(0)
    const listed = await new Storage(emu.client()).getFile({ bucketId: 'photos', fileId: 'ooo' })
    expect(listed).toMatchObject({ chunksUploaded: 2, sizeOriginal: bytes.length, mimeType: '' })
    const last = await sendChunk(emu, 'photos', 'ooo', bytes, CHUNK, 2 * CHUNK, { id: true })
    expect([last.status, last.body.chunksUploaded, last.body.signature, last.body.compression]).toEqual([201, 3, md5(bytes), 'none'])
    expect(fileCreates()).toHaveLength(1)

    // After completion: a chunk is answered 200 with the file and no event; a plain upload is a conflict.
    const late = await sendChunk(emu, 'photos', 'ooo', bytes, 0, CHUNK, { id: true })
    expect([late.status, late.body.signature]).toEqual([200, md5(bytes)])
    expect(fileCreates()).toHaveLength(1)
    const plain = await rejection(new Storage(emu.client()).createFile({ bucketId: 'photos', fileId: 'ooo', file: new File(['x'], 'x.txt') }))
    expect(plain.type).toBe('storage_file_already_exists')
  })

  it('signs an upload whose chunks after the first come out of order (held until the gap is filled)', async () => {
    const bytes = patternBytes(16 * MiB, 13)
    await sendChunk(emu, 'photos', 'gaps', bytes, 0, CHUNK)
    await sendChunk(emu, 'photos', 'gaps', bytes, 3 * CHUNK, bytes.length, { id: true })
    await sendChunk(emu, 'photos', 'gaps', bytes, 2 * CHUNK, 3 * CHUNK, { id: true })
    const done = await sendChunk(emu, 'photos', 'gaps', bytes, CHUNK, 2 * CHUNK, { id: true })
    expect([done.status, done.body.chunksUploaded, done.body.signature]).toEqual([201, 4, md5(bytes)])
  })

  it('stores nothing for a chunk sent again after a compressed upload was joined', async () => {
    await createBucket(emu, { bucketId: 'zipped', permissions: ['create("any")', 'read("any")'], compression: 'gzip' })
    const bytes = patternBytes(6 * MiB, 17)
    await sendChunk(emu, 'zipped', 'z', bytes, 0, CHUNK)
    const done = await sendChunk(emu, 'zipped', 'z', bytes, CHUNK, bytes.length, { id: true })
    expect([done.status, done.body.signature]).toEqual([201, md5(bytes)])
    const late = await sendChunk(emu, 'zipped', 'z', bytes, 0, CHUNK, { id: true })
    expect([late.status, late.body.chunksUploaded]).toEqual([200, 2])
    // The compressed bytes replaced the chunks; the late chunk is not kept beside them.
    const parts = await (await emu.engine.store(emu.projectId)).db.table('fileParts').where('bucketId').equals('zipped').toArray()
    expect(parts.map((p) => p.index)).toEqual([0])
    const download = await load(emu, '/storage/buckets/zipped/files/z/download')
    expect(md5(new Uint8Array(await download.arrayBuffer()))).toBe(md5(bytes))
  })

  it('completes an upload cut off half way when it is sent again later (worker restarted in between)', async () => {
    const bytes = patternBytes(12 * MiB, 11)
    await sendChunk(emu, 'photos', 'resumed', bytes, 0, CHUNK, { name: 'video.bin' })
    await sendChunk(emu, 'photos', 'resumed', bytes, 2 * CHUNK, bytes.length, { id: true, name: 'video.bin' })
    // The tab closes: the next session starts a new engine on the same IndexedDB.
    const store = await emu.engine.store(emu.projectId)
    const dbName = store.db.name
    emu.close()
    emu = startNodeEmulator({ dbPrefix: dbName.slice(0, dbName.lastIndexOf(':')), onEvents: (batch) => events.push(...batch) })
    const partial = await new Storage(emu.client()).getFile({ bucketId: 'photos', fileId: 'resumed' })
    expect([partial.chunksUploaded, partial.chunksTotal]).toEqual([2, 3])
    const file = await new Storage(emu.client()).createFile({ bucketId: 'photos', fileId: 'resumed', file: new File([bytes], 'video.bin') })
    expect(file).toMatchObject({ chunksUploaded: 3, signature: md5(bytes) })
    const download = await load(emu, '/storage/buckets/photos/files/resumed/download')
    expect(md5(new Uint8Array(await download.arrayBuffer()))).toBe(md5(bytes))
  })

  it('finishes an upload whose completion was cut off, when its last chunk is sent again', async () => {
    const bytes = patternBytes(6 * MiB, 5)
    await sendChunk(emu, 'photos', 'cut', bytes, 0, CHUNK)
    // The last chunk's write committed, then the worker stopped before joining the file.
    const store = await emu.engine.store(emu.projectId)
    await store.write(async (w) => {
      await w.add('fileParts', { bucketId: 'photos', fileId: 'cut', index: 2, blob: new Blob([bytes.slice(CHUNK)]) })
      const file = await w.table('files').get(['photos', 'cut'])
      await w.put('files', { ...file, parts: [1, 2] })
    })
    const stuck = await new Storage(emu.client()).getFile({ bucketId: 'photos', fileId: 'cut' })
    expect([stuck.chunksUploaded, stuck.chunksTotal, stuck.signature]).toEqual([1, 2, ''])
    const again = await sendChunk(emu, 'photos', 'cut', bytes, CHUNK, bytes.length, { id: true })
    expect([again.status, again.body.chunksUploaded, again.body.signature]).toEqual([201, 2, md5(bytes)])
    expect(fileCreates()).toHaveLength(1)
  })

  it('signs the bytes it kept: a repeated chunk with other bytes is ignored, and so is its hash', async () => {
    const first = patternBytes(6 * MiB, 21)
    const second = patternBytes(6 * MiB, 22)
    await sendChunk(emu, 'photos', 'mixed', first, 0, CHUNK)
    // A new worker (no running hash in memory) gets the upload again, from a different file.
    const dbName = (await emu.engine.store(emu.projectId)).db.name
    emu.close()
    emu = startNodeEmulator({ dbPrefix: dbName.slice(0, dbName.lastIndexOf(':')), onEvents: (batch) => events.push(...batch) })
    await sendChunk(emu, 'photos', 'mixed', second, 0, CHUNK, { id: true })
    const done = await sendChunk(emu, 'photos', 'mixed', second, CHUNK, second.length, { id: true })
    const kept = new Uint8Array([...first.subarray(0, CHUNK), ...second.subarray(CHUNK)])
    expect(done.body.signature).toBe(md5(kept))
  })

  it('checks Content-Range, X-Appwrite-ID and the total size as Appwrite does', async () => {
    const bytes = patternBytes(6 * MiB)
    const badRange = await sendChunk(emu, 'photos', 'r', bytes, 0, CHUNK, { headers: { 'content-range': 'bytes 10-5/100' } })
    expect([badRange.status, badRange.body.type]).toEqual([400, 'storage_invalid_content_range'])
    const pastEnd = await sendChunk(emu, 'photos', 'r', bytes, 0, CHUNK, { headers: { 'content-range': 'bytes 0-200/100' } })
    expect(pastEnd.body.type).toBe('storage_invalid_content_range')
    const badId = await sendChunk(emu, 'photos', 'r', bytes, 0, CHUNK, { headers: { 'x-appwrite-id': 'unique()' } })
    expect([badId.status, badId.body.type]).toEqual([400, 'storage_invalid_appwrite_id'])
    await createBucket(emu, { bucketId: 'small', permissions: ['create("any")'], maximumFileSize: 6_000_000 })
    const tooBig = await sendChunk(emu, 'small', 'r', bytes, 0, CHUNK)
    expect([tooBig.status, tooBig.body.type]).toEqual([400, 'storage_invalid_file_size'])
    const listed = await new Storage(emu.client()).listFiles({ bucketId: 'photos' })
    expect(listed.total).toBe(0)
  })

  it('deleting an unfinished upload removes its chunks', async () => {
    const bytes = patternBytes(11 * MiB)
    await sendChunk(emu, 'photos', 'partial', bytes, 0, CHUNK)
    const view = await load(emu, '/storage/buckets/photos/files/partial/view')
    expect(view.status).toBe(404)
    const response = await emu.fetch('/storage/buckets/photos/files/partial', { method: 'DELETE', headers: { 'x-appwrite-key': 'k' } })
    expect(response.status).toBe(204)
    const parts = await (await emu.engine.store(emu.projectId)).db.table('fileParts').count()
    expect(parts).toBe(0)
  })
})
