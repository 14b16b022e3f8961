#!/usr/bin/env node
// Generates src/generated/{routes,models}.ts from Appwrite's own descriptions of its API:
//  - ../shared/appwrite-spec/open-api3-2.0.x-client.json (client routes and the 2.0 response models),
//  - ../shared/docs/sdk-methods-node.md (server-only routes, generated from node-appwrite itself),
//  - node_modules/node-appwrite/dist/models.d.mts (server-only response models).
// Nothing here is typed by hand: re-run `npm run generate` when the inputs change.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const shared = process.env.OFFWRITE_SHARED ?? join(root, '..', 'shared')
const spec = JSON.parse(readFileSync(join(shared, 'appwrite-spec/open-api3-2.0.x-client.json'), 'utf8'))
const nodeMethods = readFileSync(join(shared, 'docs/sdk-methods-node.md'), 'utf8')
const nodeModels = readFileSync(join(root, 'node_modules/node-appwrite/dist/models.d.mts'), 'utf8')
const databaseDoc = readFileSync(join(shared, 'docs/appwrite-semantics-databases.md'), 'utf8')

const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1)
const upperFirst = (s) => s[0].toUpperCase() + s.slice(1)
const refName = (ref) => ref.split('/').pop()

// ---------- client routes from the OpenAPI spec ----------
function paramFromSchema(name, schema, where, required) {
  const p = { name, in: where, type: schema.type ?? (schema.$ref ? 'object' : 'string'), required }
  if (schema.format) p.format = schema.format
  if (schema.enum) p.enum = schema.enum
  if (schema.items) p.items = schema.items.type ?? 'string'
  if (schema.default !== undefined && schema.default !== null) p.default = schema.default
  if (schema['x-nullable']) p.nullable = true
  return p
}

const routes = []
for (const [path, ops] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
    const params = []
    for (const p of op.parameters ?? []) {
      params.push(paramFromSchema(p.name, p.schema ?? {}, p.in === 'path' ? 'path' : 'query', !!p.required))
    }
    for (const content of Object.values(op.requestBody?.content ?? {})) {
      const schema = content.schema ?? {}
      for (const [name, s] of Object.entries(schema.properties ?? {})) {
        params.push(paramFromSchema(name, s, 'body', (schema.required ?? []).includes(name)))
      }
    }
    // Bulk create shares its route with single create and sends `documents`/`rows` without an ID or `data`.
    if (params.some((p) => p.name === 'documents' || p.name === 'rows')) {
      for (const p of params) if (['documentId', 'rowId', 'data'].includes(p.name)) p.required = false
    }
    const [status, response] = Object.entries(op.responses ?? {})[0] ?? ['200', {}]
    const schema = response.content?.['application/json']?.schema
    const x = op['x-appwrite'] ?? {}
    routes.push({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      service: op.tags?.[0] ?? 'general',
      scopes: [x.scope ?? []].flat(),
      group: x.group ?? null,
      source: 'client',
      params,
      response: {
        status: Number(status),
        model: schema?.$ref ? refName(schema.$ref) : null,
        models: schema?.oneOf?.map((s) => refName(s.$ref)) ?? null,
        binary: !schema && !!response.content && !response.content['application/json'],
      },
    })
  }
}

// ---------- server routes from the node SDK method table ----------
const known = new Set(routes.map((r) => `${r.method} ${r.path}`))
const tsType = (t) => {
  if (!t) return { type: 'string' }
  const clean = t.replace(/\\\|/g, '|').trim()
  if (clean.endsWith('[]')) return { type: 'array', items: tsType(clean.slice(0, -2)).type }
  if (clean === 'number' || clean === 'number | bigint') return { type: 'number' }
  if (clean === 'boolean') return { type: 'boolean' }
  if (clean === 'object') return { type: 'object' }
  if (/File/.test(clean)) return { type: 'string', format: 'binary' }
  return { type: 'string' }
}
const modelFromReturn = (ret) => {
  const m = /Promise<(?:Models\.)?([A-Za-z]+)/.exec(ret)
  if (!m || m[1] === 'ArrayBuffer') return null
  if (ret.includes('Promise<{}>')) return null
  if (m[1] === 'Document' || m[1] === 'Row' || m[1] === 'Preferences') return lowerFirst(m[1])
  return lowerFirst(m[1])
}
for (const line of nodeMethods.split('\n')) {
  const cells = line.split(/(?<!\\)\|/).map((c) => c.trim())
  if (cells.length < 9 || !cells[4]?.startsWith('`/')) continue
  const [, service, name, verb, rawPath, transport, rawParams, ret] = cells
  const path = rawPath.replaceAll('`', '')
  const key = `${verb} ${path}`
  if (known.has(key)) continue
  known.add(key)
  const where = verb === 'GET' ? 'query' : transport.startsWith('multipart') ? 'body' : 'body'
  const params = []
  for (const raw of rawParams.split(/,\s*(?![^<]*>)/).filter(Boolean)) {
    const m = /^\{(\w+)\}/.exec(raw)
    if (m) {
      params.push({ name: m[1], in: 'path', type: 'string', required: true })
      continue
    }
    const pm = /^(\w+)(\?)?(?::\s*(.+))?$/.exec(raw.trim())
    if (!pm) continue
    // An attribute's untyped `default` takes the attribute's own type (boolean, number, string, array).
    const type = pm[1] === 'default' && !pm[3] ? { type: 'any' } : tsType(pm[3])
    params.push({ name: pm[1], in: where, required: !pm[2], ...type })
  }
  const model = modelFromReturn(ret)
  const binary = ret.includes('ArrayBuffer')
  routes.push({
    operationId: lowerFirst(service) + upperFirst(name),
    method: verb,
    path,
    service: lowerFirst(service),
    scopes: [],
    group: null,
    source: 'server',
    params,
    response: { status: model ? (verb === 'POST' ? 201 : 200) : binary ? 200 : 204, model, models: null, binary },
  })
}

// ---------- models: client spec (format 2.0) first, node-appwrite for server-only models ----------
const models = {}
for (const [name, schema] of Object.entries(spec.components.schemas)) {
  const required = new Set(schema.required ?? [])
  models[name] = {
    any: !!schema.additionalProperties || name === 'any' || name === 'preferences',
    properties: Object.entries(schema.properties ?? {}).map(([prop, s]) => {
      const p = { name: prop, type: s.type ?? (s.$ref ? 'object' : s.oneOf ? 'object' : 'string'), required: required.has(prop) }
      if (s.$ref) p.model = refName(s.$ref)
      if (s.items?.$ref) p.model = refName(s.items.$ref)
      if (s.items?.oneOf) p.models = s.items.oneOf.map((o) => o.$ref && refName(o.$ref)).filter(Boolean)
      if (s.oneOf) p.models = s.oneOf.map((o) => o.$ref && refName(o.$ref)).filter(Boolean)
      if (s.format) p.format = s.format
      if (s.enum) p.enum = s.enum
      return p
    }),
  }
}
const typeRe = /^ {4}export type (\w+)(?:<.*>)? = \{\n([\s\S]*?)\n {4}\};?/gm
for (const m of nodeModels.matchAll(typeRe)) {
  const name = lowerFirst(m[1])
  if (models[name]) continue
  const properties = []
  for (const fm of m[2].matchAll(/^ {8}(['"]?[$\w]+['"]?)(\?)?: (.+);$/gm)) {
    const raw = fm[3].trim()
    const prop = { name: fm[1].replace(/['"]/g, ''), required: !fm[2] }
    if (raw.endsWith('[]')) {
      prop.type = 'array'
      const inner = raw.slice(0, -2).replace(/^\(|\)$/g, '')
      if (/^[A-Z]/.test(inner) && !/^(Models\.)?Preferences/.test(inner)) prop.model = lowerFirst(inner.replace(/^Models\./, '').replace(/<.*/, ''))
    } else if (raw === 'number') prop.type = 'number'
    else if (raw === 'boolean') prop.type = 'boolean'
    else if (raw === 'string' || /^'/.test(raw) || /Status$|Type$|Trigger$|Id$/.test(raw)) prop.type = 'string'
    else prop.type = 'object'
    properties.push(prop)
  }
  models[name] = { any: /Document|Row|Preferences/.test(m[1]) && properties.length === 0, properties }
}

const banner = '// Generated by scripts/generate-spec.mjs from Appwrite\'s spec and SDK. Do not edit by hand.\n'
const outDir = join(root, 'src/generated')
mkdirSync(outDir, { recursive: true })
writeFileSync(
  join(outDir, 'routes.ts'),
  `${banner}import type { RouteSpec } from '../engine/route-spec.js'\n\nexport const routeSpecs: RouteSpec[] = ${JSON.stringify(routes, null, 1)}\n`,
)
writeFileSync(
  join(outDir, 'models.ts'),
  `${banner}import type { ModelSpec } from '../engine/route-spec.js'\n\nexport const modelSpecs: Record<string, ModelSpec> = ${JSON.stringify(models, null, 1)}\n`,
)
// ---------- error catalogue: the table of app/config/errors.php quoted in the databases reference ----------
const errors = {}
const catalogue = databaseDoc.slice(databaseDoc.indexOf('### 10.2'), databaseDoc.indexOf('### 10.3'))
for (const m of catalogue.matchAll(/^\| `(\w+)` \| (\d{3}) \| (.+?)(?: \*\(publish=false\)\*)? \|$/gm)) {
  errors[m[1]] = [Number(m[2]), m[3]]
}
writeFileSync(
  join(outDir, 'errors.ts'),
  `${banner}export const errorCatalog = ${JSON.stringify(errors, null, 1)} as const satisfies Record<string, readonly [number, string]>\n`,
)
// The spec's response schemas, for tests that validate every JSON answer with ajv.
writeFileSync(
  join(root, 'test/support/response-schemas.json'),
  `${JSON.stringify({ components: { schemas: spec.components.schemas } })}\n`,
)
console.log(`[offwrite] generated ${routes.length} routes and ${Object.keys(models).length} models, ${Object.keys(errors).length} error types`)
