#!/usr/bin/env node
// `npm run bench`: bundles the bench runner and its pages with esbuild, then runs every suite (or those named
// on the command line: `npm run bench -- account databases`).
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url))

await Promise.all([
  build({
    entryPoints: [at('bench/main.ts')],
    outfile: at('.test-build/bench/main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  }),
  build({
    entryPoints: {
      'bench-page': at('bench/pages/bench-page.ts'),
      'bare-sw': at('bench/pages/bare-sw.ts'),
      'bare-storage-sw': at('bench/pages/bare-storage-sw.ts'),
      'bare-databases-sw': at('bench/pages/bare-databases-sw.ts'),
    },
    outdir: at('.test-build/bench'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    logLevel: 'warning',
  }),
])
await import(at('.test-build/bench/main.mjs'))
