import { readdir, readFile } from 'node:fs/promises'
import { type IncomingHttpHeaders, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const HARNESS_DIR = fileURLToPath(new URL('../../.test-build/', import.meta.url))

export interface Hit {
  method: string
  path: string
  headers: IncomingHttpHeaders
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** Every request the server received, oldest first. */
  readonly hits: Hit[]
  /** Requests that reached the network below `/v1`: each one is an emulator leak. */
  apiLeaks(): Hit[]
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * The harness files, read once. Others may rebuild `.test-build/` while a test file runs (`npm test` empties
 * it first); serving a snapshot keeps every page of a run on one build. `build-id.txt` is written last, so
 * reading the same id before and after means the snapshot is whole.
 */
const snapshot = async (root: string): Promise<Map<string, Buffer>> => {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const id = await readFile(join(root, 'build-id.txt'), 'utf8')
      // Sub-folders too (the bench writes its pages under bench/ and bare/).
      const entries = await readdir(root, { recursive: true, withFileTypes: true })
      const names = entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
      const files = new Map(await Promise.all(names.map(async (name) => [`/${name}`, await readFile(join(root, name))] as const)))
      if ((await readFile(join(root, 'build-id.txt'), 'utf8')) === id) return files
    } catch {
      // Being rebuilt: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no complete test build in ${root}: run \`node scripts/build.mjs --test\``)
}

const isApi = (path: string) => path === '/v1' || path.startsWith('/v1/')

/**
 * Serves the test harness (`.test-build/`) on 127.0.0.1 and a random port (a secure context, so service
 * workers work).
 * - `/v1/*` answers 599: the emulator should have answered it, so a leak fails the SDK call visibly.
 * - `/echo/*` answers with the request as JSON, for pass-through tests.
 */
export const startStaticServer = async (root = HARNESS_DIR): Promise<StaticServer> => {
  const files = await snapshot(root)
  const hits: Hit[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    hits.push({ method: req.method ?? 'GET', path, headers: req.headers })
    res.setHeader('Cache-Control', 'no-store')
    if (isApi(path)) {
      res.writeHead(599, { 'Content-Type': 'text/plain' }).end(`leaked to the network: ${req.method} ${req.url}`)
      return
    }
    if (path.startsWith('/echo')) {
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'X-Static-Server': 'echo' })
        .end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers }))
      return
    }
    const file = path === '/' ? '/index.html' : path
    const body = files.get(file)
    if (body) res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    apiLeaks: () => hits.filter((hit) => isApi(hit.path)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
