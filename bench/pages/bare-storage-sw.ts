// The upload floor: a service worker that answers the SDK's chunked `createFile` by storing each chunk's
// Blob in IndexedDB and nothing else (no checks, no hashing, no bookkeeping but a counter). The storage
// suite times the same SDK upload against it and against offwrite.
const sw = self as unknown as ServiceWorkerGlobalScope


const open = new Promise<IDBDatabase>((resolve, reject) => {
  const request = indexedDB.open('bare-storage', 1)
  request.onupgradeneeded = () => request.result.createObjectStore('chunks')
  request.onsuccess = () => resolve(request.result)
  request.onerror = () => reject(request.error)
})

const put = async (key: string, blob: Blob) => {
  const db = await open
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('chunks', 'readwrite')
    tx.objectStore('chunks').put(blob, key)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

const uploaded = new Map<string, number>()

const store = async (request: Request): Promise<Response> => {
  const form = await request.formData()
  const file = form.get('file') as File
  const id = request.headers.get('x-appwrite-id') ?? String(form.get('fileId'))
  const [, start, total] = /bytes (\d+)-\d+\/(\d+)/.exec(request.headers.get('content-range') ?? '') ?? [0, '0', String(file.size)]
  const chunk = Math.floor(Number(start) / (5 * 1024 * 1024)) + 1
  await put(`${id}:${chunk}`, file)
  const count = (uploaded.get(id) ?? 0) + 1
  uploaded.set(id, count)
  const body = { $id: id, chunksTotal: Math.ceil(Number(total) / (5 * 1024 * 1024)), chunksUploaded: count }
  return new Response(JSON.stringify(body), { status: 201, headers: { 'Content-Type': 'application/json' } })
}

sw.addEventListener('install', () => void sw.skipWaiting())
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()))
/** `DELETE` (the suite's cleanup between runs): empties the store, so every run writes to the same size. */
const clear = async (): Promise<Response> => {
  const db = await open
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('chunks', 'readwrite')
    tx.objectStore('chunks').clear()
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  uploaded.clear()
  return new Response(null, { status: 204 })
}

sw.addEventListener('fetch', (event) => {
  if (!new URL(event.request.url).pathname.startsWith('/v1/storage/')) return
  if (event.request.method === 'POST') event.respondWith(store(event.request))
  if (event.request.method === 'DELETE') event.respondWith(clear())
})

// A module, so its names stay its own.
export {}
