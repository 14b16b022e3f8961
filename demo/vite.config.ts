import { createReadStream, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url))

/**
 * The demo uses offwrite as an app would: the built page library (`import … from 'offwrite'`) and the built
 * worker served at /offwrite-sw.js (what `npx offwrite init public` puts in an app's public folder).
 */
export default defineConfig({
  resolve: { alias: { offwrite: dist('index.js') } },
  server: { port: 5173, host: '127.0.0.1' },
  plugins: [
    {
      name: 'offwrite-worker',
      configureServer(server) {
        server.middlewares.use('/offwrite-sw.js', (_req, res) => {
          if (!existsSync(dist('offwrite-sw.js'))) {
            res.statusCode = 500
            res.end('// run `npm run build` first')
            return
          }
          res.setHeader('Content-Type', 'text/javascript')
          res.setHeader('Cache-Control', 'no-cache')
          createReadStream(dist('offwrite-sw.js')).pipe(res)
        })
      },
    },
  ],
})
