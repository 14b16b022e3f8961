import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import { serveHashing } from '../src/page/hashing/serve-hashing.js'
import { createPortOffload } from './hash-offload.js'

const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}
const chunk = (n: number) => new Uint8Array(1000).fill(n)

it('hashes an upload on the other end of a port, chunks out of order, and answers its digest', async () => {
  const offload = createPortOffload()
  expect(offload.offer('p/b/f', 1, new Blob([chunk(1)]))).toBe(false)
  const { port1, port2 } = new MessageChannel()
  serveHashing(port1)
  offload.addPort(port2)
  expect(offload.offer('p/b/f', 1, new Blob([chunk(1)]))).toBe(true)
  // A later chunk of an upload it never saw start is not taken.
  expect(offload.offer('p/b/other', 2, new Blob([chunk(2)]))).toBe(false)
  offload.offer('p/b/f', 3, new Blob([chunk(3)]))
  offload.offer('p/b/f', 2, new Blob([chunk(2)]))
  expect(await offload.digest('p/b/f', 3)).toBe(md5(chunk(1), chunk(2), chunk(3)))
  // A gap means no digest: the caller hashes the stored parts.
  offload.offer('p/b/g', 1, new Blob([chunk(1)]))
  expect(await offload.digest('p/b/g', 2)).toBeNull()
  port1.close()
  port2.close()
})
