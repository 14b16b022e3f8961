import type { EmulatorPage } from '../support/emulator-page.js'

// biome-ignore lint/suspicious/noExplicitAny: tests read Appwrite's JSON answers loosely.
type Json = any

/** Page-side helpers for the storage tests, put on `window.__storage` (run code cannot import). */
export interface StoragePage {
  /** A server-API call with an API key (any key works when the project configures none). */
  server(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>
  /** Deterministic bytes, the same as `patternBytes` in Node. */
  pattern(size: number, seed: number): Uint8Array<ArrayBuffer>
  sha256(blob: Blob): Promise<string>
  /** A w×h image in four colour quadrants: red, blue / green, yellow. */
  quadrants(width: number, height: number, type: string): Promise<Blob>
  /** Loads a URL as `<img src>` does and reads its size and some pixels (RGBA). */
  image(url: string, points?: Array<[number, number]>): Promise<{ width: number; height: number; pixels: number[][] }>
  /** Sends one chunk as the SDK does. */
  chunk(bucketId: string, fileId: string, bytes: Uint8Array<ArrayBuffer>, start: number, end: number, name: string, withId: boolean): Promise<Json>
}

declare global {
  interface Window {
    __storage: StoragePage
  }
}

/** Installs `window.__storage` in the page (again after every reload). */
export const installStorageHelpers = (emu: EmulatorPage) =>
  emu.run(({ client }) => {
    const endpoint = client.config.endpoint
    const project = client.config.project
    const helpers: StoragePage = {
      async server(method, path, body) {
        const response = await fetch(`${endpoint}${path}`, {
          method,
          headers: { 'x-appwrite-project': project, 'x-appwrite-key': 'test-key', 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await response.text()
        return { status: response.status, body: text ? JSON.parse(text) : null }
      },
      pattern(size, seed) {
        const bytes = new Uint8Array(size)
        let x = seed
        for (let i = 0; i < size; i++) {
          x = (Math.imul(x, 1103515245) + 12345) >>> 0
          bytes[i] = x >>> 24
        }
        return bytes
      },
      async sha256(blob) {
        const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
        return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
      },
      async quadrants(width, height, type) {
        const canvas = new OffscreenCanvas(width, height)
        const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        const colours = ['#ff0000', '#0000ff', '#00ff00', '#ffff00']
        colours.forEach((colour, i) => {
          g.fillStyle = colour
          g.fillRect((i % 2) * (width / 2), Math.floor(i / 2) * (height / 2), width / 2, height / 2)
        })
        return canvas.convertToBlob({ type, quality: 1 })
      },
      async image(url, points = []) {
        const img = new Image()
        img.src = url
        await img.decode()
        const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight)
        const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        g.drawImage(img, 0, 0)
        const pixels = points.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data))
        return { width: img.naturalWidth, height: img.naturalHeight, pixels }
      },
      async chunk(bucketId, fileId, bytes, start, end, name, withId) {
        const form = new FormData()
        form.append('fileId', fileId)
        form.append('file', new File([bytes.slice(start, end)], name))
        const headers: Record<string, string> = { 'x-appwrite-project': project, 'content-range': `bytes ${start}-${end - 1}/${bytes.length}` }
        if (withId) headers['x-appwrite-id'] = fileId
        const response = await fetch(`${endpoint}/storage/buckets/${bucketId}/files`, { method: 'POST', body: form, headers })
        return response.json()
      },
    }
    window.__storage = helpers
  })

/** Colour checks with room for JPEG and resampling noise. */
export const near = (actual: number[], expected: number[], tolerance = 40) =>
  actual.length === expected.length && actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance)
