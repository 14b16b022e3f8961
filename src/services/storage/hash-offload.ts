/**
 * Another thread that can hash uploads (a page's hashing worker, connected by the service worker). The
 * engine works without one; with one, a chunk's MD5 no longer runs on the service worker's only thread.
 */
export interface HashOffload {
  /** Hands a chunk over; `false` when nobody can take it (the caller hashes it itself). */
  offer(key: string, index: number, blob: Blob): boolean
  /** The hex MD5 of chunks 1…`chunks`, or `null` if the other side cannot tell (gone, restarted, gaps). */
  digest(key: string, chunks: number): Promise<string | null>
  drop(key: string): void
}

let current: HashOffload | undefined

/** Installs (or removes) the offload; the service worker does, when a page hands it a hashing worker. */
export const setHashOffload = (offload: HashOffload | undefined): void => {
  current = offload
}

export const hashOffload = (): HashOffload | undefined => current
