#!/usr/bin/env node
// Writes the response schemas each old SDK was generated from: `components.schemas` of Appwrite's client spec
// for that version (app/config/specs/open-api3-<v>-client.json, kept in Appwrite's git history), without
// descriptions and examples.
// Usage: node extract.mjs <appwrite git dir> [commit]   (commit b94e4ddfc7 holds every spec used here)
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'

const [gitDir, commit = 'b94e4ddfc7'] = process.argv.slice(2)
const VERSIONS = ['1.0.x', '1.4.x', '1.5.x', '1.6.x', '1.8.x']
const DROP = new Set(['description', 'example', 'x-example'])

const strip = (value) => {
  if (Array.isArray(value)) return value.map(strip)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([key]) => !DROP.has(key)).map(([key, v]) => [key, strip(v)]))
}

for (const version of VERSIONS) {
  const text = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:app/config/specs/open-api3-${version}-client.json`], {
    maxBuffer: 64 * 1024 * 1024,
  })
  const spec = JSON.parse(text)
  const out = { version: spec.info.version, components: { schemas: strip(spec.components.schemas) } }
  writeFileSync(new URL(`./${version}.json`, import.meta.url), `${JSON.stringify(out)}\n`)
}
