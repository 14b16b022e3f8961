// Serves the sample app for the Playwright suite: the page, its bundle (the official SDK and offwrite's page
// library, built from dist/ as users get it) and the worker, as `npx offwrite init` would place it.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const port = Number(process.env.PORT ?? 5317)

const bundle = await build({
  entryPoints: [here('./app.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  alias: { offwrite: here('../../../dist/index.js') },
  logLevel: 'warning',
})
const files = {
  '/': ['text/html; charset=utf-8', await readFile(here('./index.html'))],
  '/app.js': ['text/javascript; charset=utf-8', bundle.outputFiles[0].contents],
  '/offwrite-sw.js': ['text/javascript; charset=utf-8', await readFile(here('../../../dist/offwrite-sw.js'))],
}

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  const file = files[path]
  // /v1 is the emulator's: reaching the network means the worker did not answer.
  if (!file) return res.writeHead(path.startsWith('/v1') ? 599 : 404).end()
  res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1])
}).listen(port, '127.0.0.1', () => console.log(`[sample app] http://127.0.0.1:${port}`))
