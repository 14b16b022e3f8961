// Serves the sample app for the Playwright suite: the page, its bundle (the official SDK and offwrite's page
// library, built from dist/ as users get it) and the worker, as `npx offwrite init` would place it.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const port = Number(process.env.PORT ?? 5317)

const bundle = (entry) =>
  build({
    entryPoints: [here(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    alias: { offwrite: here('../../../dist/index.js'), 'offwrite/msw': here('../../../dist/msw.js') },
    // offwrite/msw loads these only in Node.
    external: ['fake-indexeddb', 'ws'],
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0].contents)
const page = (script) => `<!doctype html><html><head><meta charset="utf-8"><title>…</title></head>
<body><script type="module" src="/${script}"></script></body></html>`
const js = 'text/javascript; charset=utf-8'
const files = {
  '/': ['text/html; charset=utf-8', await readFile(here('./index.html'))],
  '/app.js': [js, await bundle('./app.ts')],
  '/offwrite-sw.js': [js, await readFile(here('../../../dist/offwrite-sw.js'))],
  // An app that already uses msw (setupWorker) and adds offwrite's handlers.
  '/msw.html': ['text/html; charset=utf-8', page('msw.js')],
  '/msw.js': [js, await bundle('./msw-page.ts')],
  '/mockServiceWorker.js': [js, await readFile(here('../../../node_modules/msw/lib/mockServiceWorker.js'))],
}

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  const file = files[path]
  // /v1 is the emulator's: reaching the network means the worker did not answer.
  if (!file) return res.writeHead(path.startsWith('/v1') ? 599 : 404).end()
  res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1])
}).listen(port, '127.0.0.1', () => console.log(`[sample app] http://127.0.0.1:${port}`))
