import type { ProjectStore } from '../../store/project-store.js'
import { hashOffload } from './hash-offload.js'
import { IDLE_MS, OrderedMd5 } from './ordered-md5.js'

/** An upload hashed here, or handed to another thread (`offloaded`: its key there). */
type Running = { local: OrderedMd5; offloaded?: undefined } | { local?: undefined; offloaded: string; touched: number }

const running = new WeakMap<ProjectStore, Map<string, Running>>()

const hashesOf = (store: ProjectStore) => {
  const map = running.get(store) ?? new Map<string, Running>()
  running.set(store, map)
  return map
}

const touchedAt = (r: Running) => (r.local ? r.local.touched : r.touched)

/**
 * Feeds a newly stored chunk to its upload's running hash; chunk 1 starts one — on a page's hashing worker
 * when one is connected (the MD5 then costs the service worker's only thread nothing), else here.
 */
export const offerChunk = (store: ProjectStore, key: string, index: number, blob: Blob): void => {
  const hashes = hashesOf(store)
  const now = Date.now()
  for (const [other, hash] of hashes) if (now - touchedAt(hash) > IDLE_MS) hashes.delete(other)
  let hash = hashes.get(key)
  if (!hash && index === 1) {
    const remote = `${store.projectId}/${key}`
    hash = hashOffload()?.offer(remote, index, blob) ? { offloaded: remote, touched: now } : { local: new OrderedMd5() }
    hashes.set(key, hash)
    if (hash.offloaded) return
  }
  if (hash?.offloaded) {
    hash.touched = now
    hashOffload()?.offer(hash.offloaded, index, blob)
  } else hash?.local?.offer(index, blob)
}

/** Forgets an upload's running hash (a chunk it was given was not stored after all). */
export const dropHash = (store: ProjectStore, key: string): void => {
  const hash = hashesOf(store).get(key)
  if (hash?.offloaded) hashOffload()?.drop(hash.offloaded)
  hashesOf(store).delete(key)
}

/**
 * The finished digest of an upload's running hash (and forgets it), or `null` if there is none — then the
 * caller hashes the stored parts.
 */
export const takeDigest = async (store: ProjectStore, key: string, chunks: number): Promise<string | null> => {
  const hashes = hashesOf(store)
  const hash = hashes.get(key)
  hashes.delete(key)
  if (!hash) return null
  if (hash.local) return hash.local.digest(chunks)
  return (await hashOffload()?.digest(hash.offloaded, chunks)) ?? null
}
