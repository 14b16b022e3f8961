import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyResponseFilters } from '../../../src/formats/response-filters.js'
import { serverCall } from '../../support/node-calls.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { seedApp } from './fixtures.js'
import { expectSdkModel } from './sdk-versions.js'

let emu: NodeEmulator
beforeEach(() => {
  emu = startNodeEmulator()
})
afterEach(() => emu.close())

/** A raw request as an SDK of that format sends it (API key: server routes). */
const send = async (path: string, format: string | null, init: { method?: string; body?: unknown } = {}) => {
  const headers: Record<string, string> = { 'x-appwrite-key': 'k', 'content-type': 'application/json' }
  if (format) headers['x-appwrite-response-format'] = format
  const res = await emu.fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  return { status: res.status, body: await res.json() }
}

const queries = (...list: string[]) => list.map((q, i) => `queries[${i}]=${encodeURIComponent(q)}`).join('&')

describe('the old query syntax on the wire', () => {
  it('is read for formats below 1.5, with strings holding commas, quotes and brackets', async () => {
    await seedApp(emu)
    for (const title of ['a, "b" [c]', 'plain']) {
      await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documentId: 'unique()', data: { title } }, 'k')
    }
    const list = await send(`/databases/db/collections/books/documents?${queries('equal("title", ["a, \\"b\\" [c]"])', 'limit(5)')}`, '1.4.0')
    expect(list.status).toBe(200)
    expect(list.body.documents.map((d: { title: string }) => d.title)).toEqual(['a, "b" [c]'])
  })

  it('answers a malformed old query as Appwrite’s filter does', async () => {
    const bad = await send(`/teams?${queries('limit')}`, '1.0.0')
    expect([bad.status, bad.body.type, bad.body.message]).toEqual([400, 'general_query_invalid', 'Invalid query'])
    const dotted = await send(`/teams?${queries('teams.equal("name", ["x"])')}`, '1.4.0')
    expect(dotted.body.message).toBe('Invalid query method')
  })

  it('is a syntax error from 1.5 on, without a format, and on routes Appwrite’s filter does not name', async () => {
    for (const format of ['1.5.0', null]) {
      const res = await send(`/teams?${queries('limit(1)')}`, format)
      expect([res.status, res.body.message]).toEqual([400, 'Invalid query: Syntax error'])
    }
    // TablesDB came after 1.5: no SDK ever sent it the old syntax, and Appwrite's filter does not read it there.
    await seedApp(emu)
    const rows = await send(`/tablesdb/db/tables/books/rows?${queries('limit(1)')}`, '1.0.0')
    expect([rows.status, rows.body.message]).toEqual([400, 'Invalid query: Syntax error'])
    await serverCall(emu, 'POST', '/users', { userId: 'ann', email: 'ann@example.com' }, 'k')
    const users = await send(`/users?${queries('equal("email", ["ann@example.com"])')}`, '1.0.0')
    expect(users.body.users.map((u: { $id: string }) => u.$id)).toEqual(['ann'])
  })
})

describe('response formats on the wire', () => {
  it('lists users without 1.5’s fields for a 1.4 server SDK, with them for 1.5', async () => {
    await serverCall(emu, 'POST', '/users', { userId: 'ann', email: 'ann@example.com' }, 'k')
    const old = await send('/users', '1.4.0')
    expect(old.body.users[0]).not.toHaveProperty('mfa')
    expect(old.body.users[0]).not.toHaveProperty('targets')
    expectSdkModel(13, old.body.users[0], 'user')
    const newer = await send('/users', '1.5.0')
    expect(newer.body.users[0]).toMatchObject({ mfa: false, targets: [expect.objectContaining({ identifier: 'ann@example.com' })] })
  })

  it('an execution of today is not what SDK 11 or 20 expect; downgraded, it is', () => {
    const execution = {
      $id: 'e', $createdAt: '', $updatedAt: '', $permissions: [], resourceId: 'fn', resourceType: 'functions',
      deploymentId: 'd', trigger: 'http', status: 'completed', requestMethod: 'GET', requestPath: '/', requestHeaders: [],
      responseStatusCode: 200, responseBody: 'ok', responseHeaders: [], logs: '', errors: '', duration: 0.5,
    }
    expect(() => expectSdkModel(20, execution, 'execution')).toThrow(/functionId/)
    expectSdkModel(20, applyResponseFilters('1.8.0', 'execution', execution), 'execution')
    expect(() => expectSdkModel(11, applyResponseFilters('1.4.0', 'execution', execution), 'execution')).toThrow(/statusCode/)
    expectSdkModel(11, applyResponseFilters('1.0.0', 'execution', execution), 'execution')
  })
})
