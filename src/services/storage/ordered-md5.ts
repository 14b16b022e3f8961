import { type IHasher, createMD5 } from 'hash-wasm'
import { bytesOf } from '../../engine/multipart.js'

/** Chunks held while an earlier one is missing; past that, hashing on arrival is given up. */
const MAX_WAITING = 12
/** An upload nobody has sent a chunk for in this long is forgotten (its chunks stay in IndexedDB). */
export const IDLE_MS = 5 * 60_000
/** Bytes hashed between two yields to the event loop. */
const SLICE = 256 * 1024

type Scheduler = { yield?: () => Promise<void> }

/**
 * Lets queued tasks run (the other chunks' requests and IndexedDB callbacks) between slices: hashing shares
 * the worker's one thread with them, and a write that waits on the hash idles the disk.
 */
const yieldToEventLoop = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * The MD5 of an upload, computed while its chunks arrive (from the request's own bytes, in chunk order), so
 * completing it does not read every chunk back. Memory only: after a worker restart, or when chunks come
 * too far out of order, `digest` gives `null` and the caller hashes the stored parts instead. Used in the
 * worker, or in a page's hashing worker when one is connected (see `hash-offload.ts`).
 */
export class OrderedMd5 {
  #hasher: Promise<IHasher> = createMD5().then((h) => {
    h.init()
    return h
  })
  #next = 1
  #waiting = new Map<number, Blob | Uint8Array>()
  #work: Promise<void> = Promise.resolve()
  #broken = false
  touched = Date.now()

  offer(index: number, blob: Blob | Uint8Array): void {
    this.touched = Date.now()
    if (this.#broken || index < this.#next || this.#waiting.has(index)) return
    this.#waiting.set(index, blob)
    if (this.#waiting.size > MAX_WAITING) {
      this.#giveUp()
      return
    }
    this.#work = this.#work.then(() => this.#drain()).catch(() => this.#giveUp())
  }

  async #drain(): Promise<void> {
    const hasher = await this.#hasher
    for (let blob = this.#waiting.get(this.#next); blob; blob = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next)
      // The request's own bytes when the body parser kept them; else the Blob is read back.
      const bytes = blob instanceof Uint8Array ? blob : (bytesOf(blob) ?? new Uint8Array(await blob.arrayBuffer()))
      for (let offset = 0; offset < bytes.length; offset += SLICE) {
        hasher.update(bytes.subarray(offset, offset + SLICE))
        await yieldToEventLoop()
      }
      this.#next++
    }
  }

  #giveUp(): void {
    this.#broken = true
    this.#waiting.clear()
  }

  /** The hex MD5 if chunks 1…`chunks` were all hashed, else `null`. */
  async digest(chunks: number): Promise<string | null> {
    await this.#work
    if (this.#broken || this.#next !== chunks + 1) return null
    return (await this.#hasher).digest('hex')
  }
}
