import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ProjectStore } from '../../store/project-store.js'
import { dropHash, offerChunk, takeDigest } from './running-hash.js'

const store = () => ({}) as ProjectStore
const chunk = (n: number) => new Uint8Array(300_000).fill(n)
const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

describe('running upload hash', () => {
  it('hashes chunks in order whatever order they arrive in', async () => {
    const s = store()
    for (const n of [1, 3, 2, 4]) offerChunk(s, 'b/f', n, new Blob([chunk(n)]))
    offerChunk(s, 'b/f', 3, new Blob([chunk(9)]))
    expect(await takeDigest(s, 'b/f', 4)).toBe(md5(chunk(1), chunk(2), chunk(3), chunk(4)))
    expect(await takeDigest(s, 'b/f', 4)).toBeNull()
  })

  it('gives no digest when a chunk is missing, the first never came, or the hash was dropped', async () => {
    const s = store()
    offerChunk(s, 'b/gap', 1, new Blob([chunk(1)]))
    offerChunk(s, 'b/gap', 3, new Blob([chunk(3)]))
    expect(await takeDigest(s, 'b/gap', 3)).toBeNull()
    offerChunk(s, 'b/late', 2, new Blob([chunk(2)]))
    expect(await takeDigest(s, 'b/late', 2)).toBeNull()
    offerChunk(s, 'b/drop', 1, new Blob([chunk(1)]))
    dropHash(s, 'b/drop')
    expect(await takeDigest(s, 'b/drop', 1)).toBeNull()
  })
})
