// The floor for document lists: a service worker that answers the bench's `listDocuments` calls by running the
// equivalent raw IndexedDB query (index range, page, count) on the page's raw copy of the data and returning
// its rows as JSON, with nothing else in the way. Registered for the `/bare-databases/` scope.
export {}

const sw = self as unknown as ServiceWorkerGlobalScope

let opened: Promise<IDBDatabase> | undefined
const database = () =>
  (opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('bench-raw')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  }))

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

type Q = { method: string; attribute?: string; values?: unknown[] }

/** The page (cursor walk in `direction`) and the count of a key range of one index. */
const answer = async (index: string, range: IDBKeyRange, countRange: IDBKeyRange, limit: number, direction: IDBCursorDirection) => {
  const store = (await database()).transaction('docs').objectStore('docs')
  const source = store.index(index)
  const rows: unknown[] = []
  if (direction === 'next') rows.push(...(await done(source.getAll(range, limit))))
  else {
    await new Promise<void>((resolve, reject) => {
      const request = source.openCursor(range, direction)
      request.onsuccess = () => {
        const cursor = request.result
        if (!cursor || rows.length >= limit) return resolve()
        rows.push(cursor.value)
        cursor.continue()
      }
      request.onerror = () => reject(request.error)
    })
  }
  const total = await done(source.count(countRange))
  return { total, documents: rows }
}

const list = async (queries: Q[]) => {
  const find = (method: string) => queries.find((q) => q.method === method)
  const limit = Number(find('limit')?.values?.[0] ?? 25)
  const equal = find('equal')
  if (equal) {
    const range = IDBKeyRange.only(equal.values?.[0] as string)
    return answer(equal.attribute as string, range, range, limit, 'next')
  }
  const between = find('between')
  if (between) {
    const [low, high] = between.values as number[]
    const full = IDBKeyRange.bound(low, high)
    const after = find('cursorAfter')?.values?.[0]
    let range = full
    if (after) {
      const store = (await database()).transaction('docs').objectStore('docs')
      const cursor = (await done(store.index('$id').get(after as string))) as { price: number }
      range = IDBKeyRange.bound(low, cursor.price, false, true)
    }
    return answer('price', range, full, limit, 'prev')
  }
  throw new Error('bare worker: unknown bench query')
}

sw.addEventListener('install', () => void sw.skipWaiting())
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()))
sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (!url.pathname.startsWith('/v1/')) return
  const queries = [...url.searchParams].filter(([k]) => k.startsWith('queries')).map(([, v]) => JSON.parse(v) as Q)
  event.respondWith(list(queries).then((body) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })))
})
