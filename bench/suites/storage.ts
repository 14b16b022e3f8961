import type { Storage } from 'appwrite'
import type { Page } from 'playwright-core'
import type { BenchEnv } from '../env.js'
import { percentiles } from '../measure.js'
import type { SuiteResult } from '../report.js'

const MB = 1024 * 1024
const SIZE = 100 * MB
const RUNS = 5
const PREVIEW_RUNS = 20

/** What `prepare` leaves on the page's `window`. */
type BenchWindow = { bench: { storage: Storage; file: File } }

/** Starts a page's SDK against `endpoint` and keeps a 100 MB File ready on `window.bench`. */
const prepare = (page: Page, emulate: boolean) =>
  page.evaluate(
    async ({ size, emulate }) => {
      const w = window as unknown as BenchWindow
      let endpoint = `${location.origin}/v1`
      if (emulate) {
        const emulator = await window.offwrite.startEmulator({ projectId: 'bench', config: { storage: { limit: 200_000_000 } } })
        endpoint = emulator.endpoint
        await emulator.admin.api('bench', 'POST', '/storage/buckets', {
          bucketId: 'bench', name: 'Bench', permissions: ['create("any")', 'read("any")', 'delete("any")'], maximumFileSize: 200_000_000,
        })
      } else {
        await navigator.serviceWorker.register('/bare-storage/sw.js', { scope: '/bare-storage/' })
        await navigator.serviceWorker.ready
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
        }
      }
      const client = new window.appwrite.Client().setEndpoint(endpoint).setProject('bench')
      // Random bytes, so nothing along the way can shortcut them; one 64 KiB Blob referred to 1600 times, so
      // the page holds 64 KiB, as with a file picked from disk.
      const block = new Blob([crypto.getRandomValues(new Uint8Array(64 * 1024))])
      const file = new File(Array.from({ length: size / block.size }, () => block), 'bench.bin')
      w.bench = { storage: new window.appwrite.Storage(client), file }
    },
    { size: SIZE, emulate },
  )

/** One SDK upload of the file; the seconds it took. The file is deleted after (the bare worker clears all). */
const upload = (page: Page, fileId: string) =>
  page.evaluate(async (fileId) => {
    const w = window as unknown as BenchWindow
    const start = performance.now()
    await w.bench.storage.createFile({ bucketId: 'bench', fileId, file: w.bench.file })
    const seconds = (performance.now() - start) / 1000
    await w.bench.storage.deleteFile({ bucketId: 'bench', fileId })
    return seconds
  }, fileId)

/** The same 5 MiB Blobs written straight to IndexedDB from the page, eight at a time as the SDK sends them. */
const rawWrite = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as BenchWindow
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('bench-raw-blobs', 1)
      request.onupgradeneeded = () => request.result.createObjectStore('chunks')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const run = (write: (store: IDBObjectStore) => void) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction('chunks', 'readwrite')
        write(tx.objectStore('chunks'))
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
    const file: File = w.bench.file
    const chunk = 5 * 1024 * 1024
    const start = performance.now()
    await run((store) => store.put(file.slice(0, chunk), 0))
    const queue = Array.from({ length: Math.ceil(file.size / chunk) - 1 }, (_, i) => i + 1)
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const index = i
          await run((store) => store.put(file.slice(index * chunk, (index + 1) * chunk), index))
        }
      }),
    )
    const seconds = (performance.now() - start) / 1000
    await run((store) => store.clear())
    db.close()
    return seconds
  })

/** A 2000×1500 JPEG with gradients and noise, uploaded once; then `runs` 200×200 previews fetched whole. */
const previews = (page: Page, runs: number) =>
  page.evaluate(async (runs) => {
    const w = window as unknown as BenchWindow
    const canvas = new OffscreenCanvas(2000, 1500)
    const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
    const gradient = g.createLinearGradient(0, 0, 2000, 1500)
    gradient.addColorStop(0, '#c0392b')
    gradient.addColorStop(1, '#2980b9')
    g.fillStyle = gradient
    g.fillRect(0, 0, 2000, 1500)
    for (let i = 0; i < 20000; i++) {
      g.fillStyle = `hsl(${i % 360} 70% 50% / 0.4)`
      g.fillRect((i * 7919) % 2000, (i * 104729) % 1500, 6, 6)
    }
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
    await w.bench.storage.createFile({ bucketId: 'bench', fileId: 'photo', file: new File([jpeg], 'photo.jpg') })
    const times: number[] = []
    for (let i = 0; i < runs + 3; i++) {
      const url = w.bench.storage.getFilePreview({ bucketId: 'bench', fileId: 'photo', width: 200, height: 200 })
      const start = performance.now()
      const blob = await fetch(`${url}&run=${i}`).then((r) => r.blob())
      if (blob.size === 0) throw new Error('empty preview')
      if (i >= 3) times.push(performance.now() - start)
    }
    return { times, jpegBytes: jpeg.size }
  }, runs)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const mbps = (seconds: number[]) => SIZE / MB / median(seconds)

/**
 * Chunked upload throughput of a 100 MB file through the SDK and the offwrite worker, next to the same SDK
 * upload answered by a bare worker that only stores each chunk (the floor), and the same Blobs written
 * straight to IndexedDB in the page; then the time to make a 200×200 preview of a 2000×1500 JPEG.
 * Target: offwrite at least 70% of the floor's throughput.
 */
export default async function storageSuite(env: BenchEnv): Promise<SuiteResult> {
  const ours = await env.page('/bench/index.html')
  await prepare(ours, true)
  const bare = await env.page('/bare-storage/index.html')
  await prepare(bare, false)
  // Interleaved, after one untimed run of each, so disk caches and write-back weigh on all three alike.
  await upload(ours, 'warmup')
  await upload(bare, 'warmup')
  await rawWrite(ours)
  const oursSeconds: number[] = []
  const bareSeconds: number[] = []
  const rawSeconds: number[] = []
  for (let i = 0; i < RUNS; i++) {
    oursSeconds.push(await upload(ours, `run${i}`))
    bareSeconds.push(await upload(bare, `run${i}`))
    rawSeconds.push(await rawWrite(ours))
  }
  const preview = await previews(ours, PREVIEW_RUNS)

  // Disk speed drifts during a run: compare each offwrite upload with the bare one right after it.
  const share = median(oursSeconds.map((seconds, i) => bareSeconds[i] / seconds))
  const previewTiming = percentiles(preview.times)
  return {
    title: 'storage — 100 MB chunked upload (SDK → worker → IndexedDB) and a 200×200 preview',
    rows: [
      { label: 'offwrite worker: SDK createFile, 100 MB in 20 chunks', figure: `${mbps(oursSeconds).toFixed(1)} MB/s (median of ${RUNS}; ${(share * 100).toFixed(0)}% of the floor, median of paired runs)` },
      { label: 'bare worker storing each chunk Blob (floor)', figure: `${mbps(bareSeconds).toFixed(1)} MB/s (median of ${RUNS})` },
      { label: 'the same 5 MiB Blobs put straight into IndexedDB in the page', figure: `${mbps(rawSeconds).toFixed(1)} MB/s (median of ${RUNS})` },
      { label: `200×200 preview of a 2000×1500 JPEG (${(preview.jpegBytes / 1024).toFixed(0)} KB), fetched whole`, timing: previewTiming },
    ],
    verdict:
      `Target: at least 70% of the bare worker's upload throughput — ${share >= 0.7 ? 'met' : 'NOT met'} (${(share * 100).toFixed(0)}%). ` +
      "offwrite also hashes every byte for Appwrite's MD5 `signature` (on the page's hashing worker, which shares this machine's cores); the floor does not.",
  }
}
