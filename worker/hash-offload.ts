import type { HashReply, HashRequest } from '../src/page/hashing/serve-hashing.js'
import { bytesOf } from '../src/engine/multipart.js'
import type { HashOffload } from '../src/services/storage/hash-offload.js'

/** How long a digest may take before the upload is hashed from its stored parts instead (a page that left). */
const DIGEST_TIMEOUT_MS = 5_000

/**
 * Hashing workers that pages handed over (`offwrite/hasher`). Each upload stays with the worker that got its
 * chunk 1; new uploads go to the newest. A worker whose page has gone just never answers: the digest times
 * out and the upload is hashed from its stored parts, so a signature is always right.
 */
export const createPortOffload = (): HashOffload & { addPort(port: MessagePort): void } => {
  const ports: MessagePort[] = []
  const byUpload = new Map<string, MessagePort>()
  const waiting = new Map<number, (digest: string | null) => void>()
  let nextId = 1
  const send = (port: MessagePort, request: HashRequest) => port.postMessage(request)
  return {
    addPort(port) {
      port.onmessage = ({ data }: MessageEvent<HashReply>) => waiting.get(data.id)?.(data.digest)
      ports.push(port)
    },
    offer(key, index, blob) {
      const port = byUpload.get(key) ?? (index === 1 ? ports.at(-1) : undefined)
      if (!port) return false
      byUpload.set(key, port)
      // The request's own bytes, moved over (no copy, no Blob read back across processes); else the Blob.
      // @note Moving detaches the request body's buffer: the Blob holds its own copy, and nothing else reads it.
      const bytes = bytesOf(blob)
      if (bytes) port.postMessage({ type: 'offer', key, index, blob: bytes } satisfies HashRequest, [bytes.buffer])
      else send(port, { type: 'offer', key, index, blob })
      return true
    },
    digest(key, chunks) {
      const port = byUpload.get(key)
      byUpload.delete(key)
      if (!port) return Promise.resolve(null)
      const id = nextId++
      return new Promise((resolve) => {
        const done = (digest: string | null) => {
          clearTimeout(timer)
          waiting.delete(id)
          resolve(digest)
        }
        const timer = setTimeout(() => done(null), DIGEST_TIMEOUT_MS)
        waiting.set(id, done)
        send(port, { type: 'digest', id, key, chunks })
      })
    },
    drop(key) {
      const port = byUpload.get(key)
      byUpload.delete(key)
      if (port) send(port, { type: 'drop', key })
    },
  }
}
