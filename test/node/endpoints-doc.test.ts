import { readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { startNodeEmulator } from '../support/node-emulator.js'

const DOC = new URL('../../docs/endpoints.md', import.meta.url)

/** Renders the supported-endpoints table from the engine's own route table. */
const render = (routes: ReturnType<typeof startNodeEmulator>['engine']['routes']) => {
  const services = new Map<string, typeof routes[number][]>()
  for (const route of routes) services.set(route.service, [...(services.get(route.service) ?? []), route])
  const lines = [
    '# Supported endpoints',
    '',
    'Generated from the engine\'s route table (`UPDATE_DOCS=1 npx vitest run test/node/endpoints-doc.test.ts`).',
    'Every route of Appwrite\'s API 2.0 is known; ✅ routes are answered, the rest answer',
    '`general_not_implemented`.',
    '',
    '| service | implemented | routes |',
    '| --- | --- | --- |',
  ]
  for (const [service, list] of [...services].sort(([a], [b]) => a.localeCompare(b))) {
    const done = list.filter((r) => r.implemented).length
    lines.push(`| ${service} | ${done} / ${list.length} | ${done === list.length ? '✅ all' : done === 0 ? '—' : 'partial'} |`)
  }
  for (const [service, list] of [...services].sort(([a], [b]) => a.localeCompare(b))) {
    if (!list.some((r) => r.implemented)) continue
    lines.push('', `## ${service}`, '', '| | method | path | operation |', '| --- | --- | --- | --- |')
    for (const r of list) lines.push(`| ${r.implemented ? '✅' : ' '} | ${r.method} | \`/v1${r.path}\` | ${r.operationId} |`)
  }
  return `${lines.join('\n')}\n`
}

it('docs/endpoints.md lists exactly the routes the engine answers', () => {
  const emu = startNodeEmulator()
  const table = render(emu.engine.routes)
  emu.close()
  if (process.env.UPDATE_DOCS) writeFileSync(DOC, table)
  expect(readFileSync(DOC, 'utf8')).toBe(table)
})
