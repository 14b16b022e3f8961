import { OrderedMd5 } from '../../services/storage/ordered-md5.js'

/** What the service worker sends a hashing worker (see worker/hash-offload.ts). */
export type HashRequest =
  | { type: 'offer'; key: string; index: number; blob: Blob | Uint8Array }
  | { type: 'digest'; id: number; key: string; chunks: number }
  | { type: 'drop'; key: string }

export interface HashReply {
  type: 'digest'
  id: number
  digest: string | null
}

/** Hashes uploads sent over `port`: one ordered MD5 per upload, started by its chunk 1. */
export const serveHashing = (port: MessagePort): void => {
  const uploads = new Map<string, OrderedMd5>()
  port.onmessage = async ({ data }: MessageEvent<HashRequest>) => {
    if (data.type === 'offer') {
      if (!uploads.has(data.key) && data.index === 1) uploads.set(data.key, new OrderedMd5())
      uploads.get(data.key)?.offer(data.index, data.blob)
    } else if (data.type === 'digest') {
      const hash = uploads.get(data.key)
      uploads.delete(data.key)
      const reply: HashReply = { type: 'digest', id: data.id, digest: hash ? await hash.digest(data.chunks) : null }
      port.postMessage(reply)
    } else uploads.delete(data.key)
  }
}
