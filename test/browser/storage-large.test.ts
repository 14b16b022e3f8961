import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { patternBytes } from '../node/storage/storage-helpers.js'
import { useHarness } from '../support/harness.js'
import { installStorageHelpers } from './storage-helpers.js'

const harness = useHarness()

describe('storage at size', () => {
  test('a 200 MB upload completes through the SDK and reads back by Range', { timeout: 120_000 }, async () => {
    const emu = await harness.page()
    // Appwrite's `_APP_STORAGE_LIMIT` (30 MB by default), raised as a self-hosted server would be.
    await emu.start({ config: { storage: { limit: 300_000_000 } } })
    await installStorageHelpers(emu)
    const result = await emu.run(async ({ appwrite, client }) => {
      await window.__storage.server('POST', '/storage/buckets', { bucketId: 'big', name: 'Big', permissions: ['create("any")', 'read("any")'], maximumFileSize: 300_000_000 })
      // 200 MB made of eight 1 MB Blobs, repeated: a Blob built from Blobs refers to them, so the page holds
      // 8 MB, as a file picked from disk holds none (the worker's memory is what this test is about).
      const block = window.__storage.pattern(1024 * 1024, 1)
      const blocks = Array.from({ length: 8 }, (_, k) => {
        const copy = block.slice()
        copy[0] = k
        return new Blob([copy])
      })
      const file = new File(Array.from({ length: 200 }, (_, i) => blocks[i % 8]), 'huge.bin')
      const started = performance.now()
      const uploaded = await new appwrite.Storage(client).createFile({ bucketId: 'big', fileId: 'huge', file })
      const seconds = (performance.now() - started) / 1000
      const url = new appwrite.Storage(client).getFileView({ bucketId: 'big', fileId: 'huge' })
      const tail = await fetch(url, { headers: { Range: `bytes=${file.size - 1024 * 1024}-${file.size - 1}` } }).then((r) => r.blob())
      const sameTail = (await window.__storage.sha256(tail)) === (await window.__storage.sha256(file.slice(file.size - 1024 * 1024)))
      return { uploaded, seconds, sameTail }
    })
    expect(result.uploaded).toMatchObject({ sizeOriginal: 200 * 1024 * 1024, chunksTotal: 40, chunksUploaded: 40, compression: 'none', encryption: false })
    // The signature is hashed while the chunks arrive, eight at a time and out of order: check it in full.
    const md5 = createHash('md5')
    const block = patternBytes(1024 * 1024, 1)
    for (let i = 0; i < 200; i++) md5.update(Uint8Array.of(i % 8)).update(block.subarray(1))
    expect(result.uploaded.signature).toBe(md5.digest('hex'))
    expect(result.sameTail).toBe(true)
    console.log(`[storage] 200 MB upload through the SDK and the worker: ${result.seconds.toFixed(1)} s`)
  })
})
