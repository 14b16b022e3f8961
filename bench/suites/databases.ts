import type { Page } from 'playwright-core'
import type { BenchEnv } from '../env.js'
import { type Timing, percentiles, samplesInPage } from '../measure.js'
import type { SuiteResult } from '../report.js'

/**
 * Documents at scale (issue 3): `BENCH_DOCS` (100k) documents bulk-inserted through the SDK's REST route in
 * batches of 100, next to raw Dexie `bulkPut`; then indexed list queries through the SDK and the offwrite
 * worker, next to the equivalent raw Dexie query in the page and the floor — the same SDK call answered by
 * a bare service worker running the raw IndexedDB query. Targets: indexed queries within 1.5x of the floor,
 * a first page under 20 ms, bulk insert at least half of raw `bulkPut`.
 */
const COUNT = Number(process.env.BENCH_DOCS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 100)


const QUERIES = {
  equal: "[b.Query.equal('category', 'c7'), b.Query.limit(25)]",
  range: "[b.Query.between('price', 20000, 60000), b.Query.orderDesc('price'), b.Query.limit(25)]",
  unindexed: "[b.Query.equal('title', 'Item 4242'), b.Query.limit(25)]",
}
const sdkList = (queries: string) => `const b = window.bench; await b.databases.listDocuments({ databaseId: 'bench', collectionId: 'items', queries: ${queries} })`
/** Pages through the range query with cursors, 20 pages deep, then starts over. */
const sdkPaging = `const b = window.bench; const q = ${QUERIES.range}; if (b.cursor) q.push(b.Query.cursorAfter(b.cursor));
  const r = await b.databases.listDocuments({ databaseId: 'bench', collectionId: 'items', queries: q });
  b.pages = (b.pages ?? 0) + 1; b.cursor = b.pages % 20 === 0 ? null : r.documents[r.documents.length - 1].$id`
const RAW = {
  equal: "const b = window.bench; const c = b.raw.table('docs').where('category').equals('c7'); await Promise.all([c.clone().limit(25).toArray(), c.count()])",
  range: "const b = window.bench; const c = () => b.raw.table('docs').where('price').between(20000, 60000, true, true); await Promise.all([c().reverse().limit(25).toArray(), c().count()])",
  paging: `const b = window.bench; const docs = b.raw.table('docs');
    const page = await docs.where('price').between(20000, b.price ?? 60000, true, b.price === undefined).reverse().limit(25).toArray();
    await docs.where('price').between(20000, 60000, true, true).count();
    b.pages = (b.pages ?? 0) + 1; b.price = b.pages % 20 === 0 ? undefined : page[page.length - 1].price`,
  unindexed: "const b = window.bench; await b.raw.table('docs').filter((d) => d.title === 'Item 4242').limit(25).toArray()",
}

/** offwrite in the page: the emulator, and the schema through the server API (with an API key). */
const setupOffwrite = (page: Page) =>
  page.evaluate(async () => {
    const w = window as any
    const emulator = await window.offwrite.startEmulator({ projectId: 'bench' })
    const headers = { 'x-appwrite-project': 'bench', 'x-appwrite-key': 'bench', 'content-type': 'application/json' }
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${emulator.endpoint}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
      if (!res.ok) throw new Error(`${path}: ${await res.text()}`)
      await res.text()
    }
    await post('/databases', { databaseId: 'bench', name: 'Bench' })
    await post('/databases/bench/collections', {
      collectionId: 'items', name: 'Items', permissions: ['read("any")'],
      attributes: [
        { key: 'title', type: 'string', size: 64, required: true },
        { key: 'category', type: 'string', size: 16, required: true },
        { key: 'price', type: 'integer', required: true },
        { key: 'description', type: 'string', size: 256, required: false },
      ],
      indexes: [
        { key: 'by_category', type: 'key', attributes: ['category'] },
        { key: 'by_price', type: 'key', attributes: ['price'] },
      ],
    })
    const doc = (n: number) => ({
      $id: `d${n}`, title: `Item ${n}`, category: `c${n % 100}`, price: (n * 7919) % 100000,
      description: 'A bench document with a little text in it, as apps store.',
    })
    const client = new window.appwrite.Client().setEndpoint(emulator.endpoint).setProject('bench')
    w.bench = { databases: new window.appwrite.Databases(client), Query: window.appwrite.Query }
    // One batch of 100: the bulk create route, as node-appwrite's createDocuments sends it.
    w.insert = (b: number) => post('/databases/bench/collections/items/documents', { documents: Array.from({ length: 100 }, (_, i) => doc(b * 100 + i)) })
  })

/** The bare page: the floor worker, and a raw Dexie store with the same documents and the same indexes. */
const setupRaw = (page: Page) =>
  page.evaluate(async () => {
    const w = window as any
    await navigator.serviceWorker.register('/bare-databases/sw.js', { scope: '/bare-databases/' })
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    }
    const db = new window.Dexie('bench-raw')
    // The same lookups offwrite keeps indexed: $id, the timestamps, and the collection's two indexes.
    db.version(1).stores({ docs: 'seq, &$id, $createdAt, $updatedAt, category, price' })
    // The same documents as offwrite's (pages get no shared code: each evaluate is sent as text).
    const doc = (n: number) => ({
      $id: `d${n}`, title: `Item ${n}`, category: `c${n % 100}`, price: (n * 7919) % 100000,
      description: 'A bench document with a little text in it, as apps store.',
    })
    const now = new Date().toISOString().replace('Z', '+00:00')
    const full = (n: number) => ({
      ...doc(n), seq: n + 1, $sequence: String(n + 1), $createdAt: now, $updatedAt: now, $permissions: ['read("any")'],
      $databaseId: 'bench', $collectionId: 'items',
    })
    const client = new window.appwrite.Client().setEndpoint(`${location.origin}/v1`).setProject('bench')
    w.bench = { raw: db, databases: new window.appwrite.Databases(client), Query: window.appwrite.Query }
    w.insert = (b: number) => db.table('docs').bulkPut(Array.from({ length: 100 }, (_, i) => full(b * 100 + i)))
  })

/** Inserts batches `from`…`to` with four in flight (as an import script sends them); returns the seconds. */
const insert = (page: Page, from: number, to: number) =>
  page.evaluate(
    async ({ from, to }) => {
      const w = window as any
      const queue = Array.from({ length: to - from }, (_, i) => from + i)
      const start = performance.now()
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let b = queue.shift(); b !== undefined; b = queue.shift()) await w.insert(b)
        }),
      )
      return (performance.now() - start) / 1000
    },
    { from, to },
  )

/**
 * Both stores filled in turns of 50 batches, so a busy machine slows both alike; returns documents per
 * second for offwrite and for raw Dexie.
 */
const fill = async (ours: Page, bare: Page) => {
  let oursSeconds = 0
  let rawSeconds = 0
  for (let b = 0; b < COUNT / 100; b += 50) {
    const to = Math.min(b + 50, COUNT / 100)
    oursSeconds += await insert(ours, b, to)
    rawSeconds += await insert(bare, b, to)
  }
  return { ours: COUNT / oursSeconds, raw: COUNT / rawSeconds }
}

const samples = samplesInPage

const reset = (page: Page) => page.evaluate(() => Object.assign((window as any).bench, { cursor: null, pages: 0, price: undefined }))

export default async function databasesSuite(env: BenchEnv): Promise<SuiteResult> {
  const ours = await env.page('/bench/index.html')
  const bare = await env.page('/bare-databases/index.html')
  await setupOffwrite(ours)
  await setupRaw(bare)
  const { ours: insertOurs, raw: insertRaw } = await fill(ours, bare)

  /** The three variants timed in turns (ten rounds), so a busy machine weighs on them alike. */
  const measure = async (label: string, sdk: string, raw: string) => {
    await Promise.all([reset(ours), reset(bare)])
    const taken = { offwrite: [] as number[], floor: [] as number[], dexie: [] as number[] }
    const per = Math.max(1, Math.round(RUNS / 10))
    for (let round = 0; round < 10; round++) {
      const warm = round === 0 ? 5 : 0
      taken.offwrite.push(...(await samples(ours, sdk, per, warm)))
      taken.floor.push(...(await samples(bare, sdk, per, warm)))
      await reset(bare)
      taken.dexie.push(...(await samples(bare, raw, per, warm)))
      await reset(bare)
    }
    return { label, offwrite: percentiles(taken.offwrite), floor: percentiles(taken.floor), dexie: percentiles(taken.dexie) }
  }
  const indexed = [
    await measure("indexed equal, first page (equal('category'), limit 25)", sdkList(QUERIES.equal), RAW.equal),
    await measure("range + orderDesc (between('price'), orderDesc, limit 25)", sdkList(QUERIES.range), RAW.range),
    await measure('paging the range with cursorAfter (20 pages deep)', sdkPaging, RAW.paging),
  ]
  const unindexed = percentiles(await samples(ours, sdkList(QUERIES.unindexed), 5, 1))
  const rawScan = percentiles(await samples(bare, RAW.unindexed, 5, 1))

  const ratio = (t: { offwrite: Timing; floor: Timing }) => t.offwrite.p50 / t.floor.p50
  const rows = indexed.flatMap((m) => [
    { label: `${m.label} — offwrite`, timing: m.offwrite, figure: `${ratio(m).toFixed(2)}x the floor` },
    { label: '  floor: bare worker running the raw IndexedDB query', timing: m.floor },
    { label: '  raw Dexie query in the page', timing: m.dexie },
  ])
  const bulkRatio = insertOurs / insertRaw
  const firstPage = indexed[0].offwrite.p50
  const worst = Math.max(...indexed.map(ratio))
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met')
  return {
    title: `Databases — ${COUNT.toLocaleString('en-US')} documents`,
    rows: [
      { label: 'bulk insert through the REST route, 100 per request, 4 in flight', figure: `${Math.round(insertOurs).toLocaleString('en-US')} docs/s (${bulkRatio.toFixed(2)}x raw)` },
      { label: '  raw Dexie bulkPut, 100 per call, 4 in flight', figure: `${Math.round(insertRaw).toLocaleString('en-US')} docs/s` },
      ...rows,
      { label: "unindexed filter (equal('title')) — offwrite, for reference", timing: unindexed },
      { label: '  raw Dexie filter (scan) in the page', timing: rawScan },
    ],
    verdict: [
      `Targets: indexed queries within 1.5x of the floor — ${met(worst <= 1.5)} (worst ${worst.toFixed(2)}x);`,
      `first page under 20 ms — ${met(firstPage < 20)} (${firstPage.toFixed(2)} ms);`,
      `bulk insert at least half of raw bulkPut — ${met(bulkRatio >= 0.5)} (${bulkRatio.toFixed(2)}x).`,
    ].join(' '),
  }
}
