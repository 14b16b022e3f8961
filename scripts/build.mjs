#!/usr/bin/env node
// Builds the package: dist/offwrite-sw.js (the service worker, one classic script), dist/index.js (the page
// library) and dist/engine.js (the engine for Node). With --test, also the browser test harness in .test-build/.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const at = (...parts) => join(root, ...parts)

/** Files that make a build: both bundles carry a hash of them (lesson 11: page and worker must match). */
const SOURCES = ['src', 'worker', 'package.json']

const listFiles = async (path) => {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null)
  if (!entries) return [path]
  const nested = await Promise.all(
    entries.filter((e) => !e.name.startsWith('.')).map((e) => listFiles(join(path, e.name))),
  )
  return nested.flat()
}

/** `<version>+<hash of the sources>`: rebuilding unchanged sources gives the same id. */
export const computeBuildId = async () => {
  const { version } = JSON.parse(await readFile(at('package.json'), 'utf8'))
  const files = (await Promise.all(SOURCES.map((s) => listFiles(at(s))))).flat().sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0')
  return `${version}+${hash.digest('hex').slice(0, 12)}`
}

const common = (buildId) => ({
  absWorkingDir: root,
  bundle: true,
  target: 'es2022',
  logLevel: 'warning',
  define: { __OFFWRITE_BUILD_ID__: JSON.stringify(buildId) },
})

/**
 * Bundles JSON files imported from packages even when packages stay external: Node refuses a JSON import
 * without `with { type: 'json' }`, which the packages' own code does not write.
 */
const bundleJson = {
  name: 'bundle-json',
  setup(build) {
    const require = createRequire(at('package.json'))
    build.onResolve({ filter: /\.json$/ }, (args) =>
      args.path.startsWith('.') ? undefined : { path: require.resolve(args.path, { paths: [args.resolveDir] }) },
    )
  },
}

/** The page's hashing worker (src/page/hashing/hash-worker.ts), as source text the page library starts from a Blob. */
const hashWorkerSource = async () => {
  const result = await build({
    absWorkingDir: root, entryPoints: ['src/page/hashing/hash-worker.ts'], bundle: true, write: false,
    format: 'iife', platform: 'browser', target: 'es2022', minify: true, logLevel: 'warning',
  })
  return result.outputFiles[0].text
}

export const buildDist = async (buildId) => {
  await rm(at('dist'), { recursive: true, force: true })
  const hashWorker = await hashWorkerSource()
  await Promise.all([
    build({
      ...common(buildId),
      entryPoints: ['worker/index.ts'],
      outfile: 'dist/offwrite-sw.js',
      format: 'iife',
      platform: 'browser',
      // Parsed on every worker start: minify, and link a source map for devtools.
      minify: true,
      sourcemap: 'linked',
      banner: { js: `/* offwrite service worker ${buildId}. Do not edit: copy it again with \`npx offwrite init <publicDir>\`. */` },
    }),
    build({
      ...common(buildId),
      define: { ...common(buildId).define, __OFFWRITE_HASH_WORKER__: JSON.stringify(hashWorker) },
      entryPoints: { index: 'src/index.ts', engine: 'src/engine-entry.ts' },
      outdir: 'dist',
      format: 'esm',
      platform: 'neutral',
      // Runtime dependencies stay imports: the app's bundler resolves them once.
      packages: 'external',
      plugins: [bundleJson],
    }),
    // offwrite/msw, offwrite/playwright and offwrite/node (`offwrite serve`): entries for Node test runners.
    build({
      ...common(buildId),
      entryPoints: { msw: 'src/node/msw.ts', playwright: 'src/playwright/index.ts', node: 'src/node/index.ts' },
      outdir: 'dist',
      format: 'esm',
      platform: 'node',
      packages: 'external',
      plugins: [bundleJson],
    }),
  ])
}

/** Type declarations via tsc (TypeScript 7 is fast); a failure only warns, the JavaScript is what matters. */
export const buildTypes = async () => {
  try {
    await promisify(execFile)(process.execPath, [at('node_modules/typescript/bin/tsc'), '-p', at('tsconfig.build.json')], {
      cwd: root,
    })
  } catch (error) {
    console.warn(`[offwrite] type declarations were not emitted:\n${error.stdout || error.message}`)
  }
}

const page = (script) => `<!doctype html>
<html><head><meta charset="utf-8"><title>offwrite test harness</title><link rel="icon" href="data:,"></head>
<body><script type="module" src="/${script}"></script></body></html>
`

/** An app's own service worker that pulls offwrite in, as the README tells such apps to do. */
const CUSTOM_WORKER = `importScripts('/offwrite-sw.js')
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname === '/mine') event.respondWith(new Response('answered by the app worker'))
})
`

/**
 * The browser test harness: a page exposing the official SDK and `startEmulator` on `window`, the worker at
 * the root of what the test server serves, and a page built with a wrong BUILD_ID (to test the stale check).
 */
export const buildHarness = async (buildId) => {
  const out = at('.test-build')
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const harness = (outfile, id) =>
    build({
      ...common(id),
      entryPoints: ['test/support/harness-page.ts'],
      outfile,
      format: 'esm',
      platform: 'browser',
      sourcemap: true,
      // Tests use the package as users do: `offwrite` is the built page library.
      alias: { offwrite: at('dist/index.js') },
    })
  await Promise.all([
    copyFile(at('dist/offwrite-sw.js'), join(out, 'offwrite-sw.js')),
    copyFile(at('dist/offwrite-sw.js.map'), join(out, 'offwrite-sw.js.map')),
    harness('.test-build/harness.js', buildId),
    writeFile(join(out, 'index.html'), page('harness.js')),
    writeFile(join(out, 'stale.html'), page('harness-stale.js')),
    writeFile(join(out, 'custom-sw.js'), CUSTOM_WORKER),
    // Every older SDK major side by side, for test/browser/compat-sdks.test.ts.
    build({ ...common(buildId), entryPoints: ['test/browser/compat-page.ts'], outfile: '.test-build/compat.js', format: 'esm', platform: 'browser', alias: { offwrite: at('dist/index.js') } }),
    writeFile(join(out, 'compat.html'), page('compat.js')),
  ])
  // The page library with another BUILD_ID: built from source, since dist/index.js has the real id inlined.
  await build({
    ...common('stale-build'),
    entryPoints: ['test/support/harness-page.ts'],
    outfile: '.test-build/harness-stale.js',
    format: 'esm',
    platform: 'browser',
    alias: { offwrite: at('src/index.ts') },
  })
  await writeFile(join(out, 'build-id.txt'), buildId)
}

const main = async () => {
  const test = process.argv.includes('--test')
  const started = performance.now()
  const buildId = await computeBuildId()
  await buildDist(buildId)
  await Promise.all([test ? null : buildTypes(), test ? buildHarness(buildId) : null])
  console.log(`[offwrite] built ${buildId}${test ? ' (+ test harness)' : ''} in ${Math.round(performance.now() - started)} ms`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
