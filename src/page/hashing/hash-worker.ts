/**
 * @module offwrite hash worker — started by the page (a service worker cannot start workers) and handed to the
 * service worker as a MessagePort: upload chunks are MD5-hashed here, off the service worker's only thread.
 * Bundled into the page library as source text by scripts/build.mjs.
 */
import { serveHashing } from './serve-hashing.js'

self.onmessage = (event: MessageEvent) => {
  if (event.data?.type === 'offwrite/hash-port' && event.ports[0]) serveHashing(event.ports[0])
}
