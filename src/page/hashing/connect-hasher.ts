import type { WorkerMessage } from '../../protocol.js'

declare const __OFFWRITE_HASH_WORKER__: string | undefined

let worker: Worker | undefined
let listening = false

/**
 * Starts the page's hashing worker (once) and hands the service worker a port to it, so upload signatures are
 * computed off the worker's only thread. Without it (no Worker, an unbundled build) the worker hashes itself.
 */
export const connectHasher = (controller: ServiceWorker | null): void => {
  if (!controller || typeof Worker === 'undefined' || typeof __OFFWRITE_HASH_WORKER__ !== 'string') return
  try {
    worker ??= new Worker(URL.createObjectURL(new Blob([__OFFWRITE_HASH_WORKER__], { type: 'text/javascript' })))
    const channel = new MessageChannel()
    worker.postMessage({ type: 'offwrite/hash-port' }, [channel.port1])
    controller.postMessage({ type: 'offwrite/hasher' }, [channel.port2])
  } catch (error) {
    // A page whose CSP refuses blob: workers still works: the service worker hashes uploads itself.
    console.warn('[offwrite] no hashing worker; the service worker hashes uploads itself', error)
  }
}

/** Connects now, and again whenever a (re)started or new worker asks for it. */
export const provideHasher = (): void => {
  connectHasher(navigator.serviceWorker.controller)
  if (listening) return
  listening = true
  navigator.serviceWorker.addEventListener('message', (event) => {
    if ((event.data as WorkerMessage | undefined)?.type === 'offwrite/want-hasher') connectHasher(navigator.serviceWorker.controller)
  })
}
