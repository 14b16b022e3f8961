import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { serverCall } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())
const call = (method: string, path: string, body?: unknown) => serverCall(emu, method, path, body)

describe('Databases schema (API key)', () => {
  it('creates, lists, gets, updates and deletes databases on both facades', async () => {
    emu = startNodeEmulator()
    const made = await call('POST', '/databases', { databaseId: 'main', name: 'Main' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ $id: 'main', name: 'Main', enabled: true, type: 'legacy' })
    expect(made.body.$createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/)
    expect((await call('POST', '/tablesdb', { databaseId: 'other', name: 'Other' })).body.type).toBe('tablesdb')
    expect((await call('POST', '/databases', { databaseId: 'MAIN', name: 'x' })).body.type).toBe('database_already_exists')
    // One storage: a database made through one API is served by the other.
    expect((await call('GET', '/tablesdb/main')).body.name).toBe('Main')
    const list = await call('GET', '/databases?queries[]=' + encodeURIComponent('{"method":"equal","attribute":"name","values":["Other"]}'))
    expect([list.body.total, list.body.databases[0].$id]).toEqual([1, 'other'])
    expect((await call('GET', '/databases?search=main')).body.total).toBe(1)
    expect((await call('PUT', '/databases/main', { name: 'Renamed', enabled: false })).body).toMatchObject({ name: 'Renamed', enabled: false })
    expect((await call('DELETE', '/databases/main')).status).toBe(204)
    expect((await call('GET', '/databases/main')).body.type).toBe('database_not_found')
  })

  it('creates collections and tables with permissions, security and inline schema', async () => {
    emu = startNodeEmulator()
    await call('POST', '/databases', { databaseId: 'db', name: 'DB' })
    const col = await call('POST', '/databases/db/collections', {
      collectionId: 'books',
      name: 'Books',
      permissions: ['read("any")', 'write("users")'],
      documentSecurity: true,
      attributes: [{ key: 'title', type: 'string', size: 64, required: true }],
      indexes: [{ key: 'by_title', type: 'key', attributes: ['title'] }],
    })
    expect(col.status).toBe(201)
    expect(col.body).toMatchObject({
      $id: 'books', databaseId: 'db', name: 'Books', enabled: true, documentSecurity: true,
      $permissions: ['read("any")', 'create("users")', 'update("users")', 'delete("users")'],
      bytesMax: 65535,
    })
    expect(col.body.attributes[0]).toMatchObject({ key: 'title', type: 'string', status: 'available', size: 64, required: true })
    expect(col.body.indexes[0]).toMatchObject({ key: 'by_title', type: 'key', attributes: ['title'], status: 'available' })
    // The same collection through TablesDB: a table with columns and rowSecurity.
    const table = await call('GET', '/tablesdb/db/tables/books')
    expect(table.body).toMatchObject({ $id: 'books', rowSecurity: true })
    expect(table.body.columns[0].key).toBe('title')
    expect(table.body.indexes[0].columns).toEqual(['title'])
    expect((await call('POST', '/tablesdb/db/tables', { tableId: 'books', name: 'x' })).body.type).toBe('table_already_exists')
    expect((await call('GET', '/databases/db/collections')).body.total).toBe(1)
    expect((await call('GET', '/tablesdb/db/tables')).body.tables[0].$id).toBe('books')
    // PUT without documentSecurity switches it off (Appwrite's default for the param).
    const updated = await call('PUT', '/databases/db/collections/books', { name: 'Renamed' })
    expect(updated.body).toMatchObject({ name: 'Renamed', documentSecurity: false, enabled: true })
    expect((await call('DELETE', '/databases/db/collections/books')).status).toBe(204)
    expect((await call('GET', '/databases/db/collections/books')).body.type).toBe('collection_not_found')
    expect((await call('GET', '/tablesdb/db/tables/books')).body.type).toBe('table_not_found')
  })

  it('creates attributes of every type with their options', async () => {
    emu = startNodeEmulator()
    await call('POST', '/databases', { databaseId: 'db', name: 'DB' })
    await call('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' })
    const base = '/databases/db/collections/c/attributes'
    const make = async (type: string, body: object) => {
      const res = await call('POST', `${base}/${type}`, body)
      expect(res.status, JSON.stringify(res.body)).toBe(202)
      expect(res.body.status).toBe('processing')
      return res.body
    }
    expect(await make('string', { key: 's', size: 10, required: false, default: 'x' })).toMatchObject({ type: 'string', size: 10, default: 'x' })
    expect(await make('varchar', { key: 'v', size: 100, required: false })).toMatchObject({ type: 'varchar', size: 100 })
    expect(await make('text', { key: 't', required: false })).toMatchObject({ type: 'text' })
    expect(await make('mediumtext', { key: 'mt', required: false })).toMatchObject({ type: 'mediumtext' })
    expect(await make('longtext', { key: 'lt', required: false, array: true })).toMatchObject({ type: 'longtext', array: true })
    expect(await make('email', { key: 'e', required: false })).toMatchObject({ type: 'string', format: 'email' })
    expect(await make('url', { key: 'u', required: false })).toMatchObject({ format: 'url' })
    expect(await make('ip', { key: 'ip', required: false })).toMatchObject({ format: 'ip' })
    expect(await make('enum', { key: 'en', elements: ['a', 'b'], required: false, default: 'a' })).toMatchObject({ format: 'enum', elements: ['a', 'b'] })
    expect(await make('integer', { key: 'i', required: false, min: 0, max: 10, default: 5 })).toMatchObject({ type: 'integer', min: 0, max: 10, default: 5 })
    expect(await make('bigint', { key: 'bi', required: false })).toMatchObject({ type: 'bigint' })
    expect(await make('float', { key: 'f', required: false, min: 0.5, max: 9.5 })).toMatchObject({ type: 'double', min: 0.5, max: 9.5 })
    expect(await make('boolean', { key: 'b', required: false, default: true })).toMatchObject({ type: 'boolean', default: true })
    expect(await make('datetime', { key: 'd', required: false })).toMatchObject({ type: 'datetime', format: 'datetime' })
    expect(await make('point', { key: 'p', required: false, default: [1, 2] })).toMatchObject({ type: 'point', default: [1, 2] })
    expect(await make('line', { key: 'l', required: false })).toMatchObject({ type: 'linestring' })
    expect(await make('polygon', { key: 'pg', required: false })).toMatchObject({ type: 'polygon' })
    const list = await call('GET', base)
    expect(list.body.total).toBe(17)
    expect(list.body.attributes.every((a: { status: string }) => a.status === 'available')).toBe(true)
    expect((await call('GET', `${base}/i`)).body).toMatchObject({ key: 'i', type: 'integer', min: 0, max: 10 })
    // TablesDB names: columns.
    expect((await call('GET', '/tablesdb/db/tables/c/columns')).body.columns).toHaveLength(17)
  })

  it('refuses bad attribute definitions as Appwrite does', async () => {
    emu = startNodeEmulator()
    await call('POST', '/databases', { databaseId: 'db', name: 'DB' })
    await call('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' })
    const base = '/databases/db/collections/c/attributes'
    const err = async (type: string, body: object) => (await call('POST', `${base}/${type}`, body)).body
    expect(await err('string', { key: 's', size: 10, required: true, default: 'x' })).toMatchObject({
      type: 'attribute_default_unsupported', message: 'Cannot set default value for required attribute',
    })
    expect(await err('integer', { key: 'i', required: false, min: 5, max: 1 })).toMatchObject({
      type: 'attribute_value_invalid', message: 'Minimum value must be lesser than maximum value',
    })
    expect(await err('integer', { key: 'i', required: false, min: 0, max: 10, default: 11 })).toMatchObject({
      type: 'attribute_value_invalid', message: 'Value must be a valid range between 0 and 10',
    })
    expect(await err('email', { key: 'e', required: false, default: 'nope' })).toMatchObject({ message: 'Value must be a valid email address' })
    expect((await err('string', { key: '_bad', size: 10, required: false })).type).toBe('general_argument_invalid')
    await call('POST', `${base}/string`, { key: 'name', size: 10, required: false })
    expect((await err('string', { key: 'NAME', size: 10, required: false })).type).toBe('attribute_already_exists')
    const tables = await call('POST', '/tablesdb/db/tables/c/columns/string', { key: 'x', size: 10, required: true, default: 'y' })
    expect(tables.body).toMatchObject({ type: 'column_default_unsupported', message: 'Cannot set default value for required column' })
  })

  it('updates, renames and deletes attributes together with their data', async () => {
    emu = startNodeEmulator()
    await call('POST', '/databases', { databaseId: 'db', name: 'DB' })
    await call('POST', '/databases/db/collections', { collectionId: 'c', name: 'C', permissions: ['read("any")'] })
    await call('POST', '/databases/db/collections/c/attributes/string', { key: 'name', size: 20, required: false })
    await call('POST', '/databases/db/collections/c/documents', { documentId: 'd1', data: { name: 'a long enough name' } })
    const shrink = await call('PATCH', '/databases/db/collections/c/attributes/string/name', { required: false, default: null, size: 5 })
    expect(shrink.body.type).toBe('attribute_invalid_resize')
    const renamed = await call('PATCH', '/databases/db/collections/c/attributes/string/name', { required: false, default: 'none', newKey: 'title' })
    expect(renamed.body).toMatchObject({ key: 'title', default: 'none' })
    expect((await call('GET', '/databases/db/collections/c/documents/d1')).body.title).toBe('a long enough name')
    expect((await call('PATCH', '/databases/db/collections/c/attributes/integer/title', { required: false, default: null })).body.type).toBe(
      'attribute_type_invalid',
    )
    expect((await call('DELETE', '/databases/db/collections/c/attributes/title')).status).toBe(204)
    const doc = (await call('GET', '/databases/db/collections/c/documents/d1')).body
    expect(doc.title).toBeUndefined()
    // Re-adding the attribute does not bring the old values back: they were deleted.
    await call('POST', '/databases/db/collections/c/attributes/string', { key: 'title', size: 20, required: false })
    expect((await call('GET', '/databases/db/collections/c/documents/d1')).body.title).toBeNull()
  })

  it('creates, lists and deletes indexes with Appwrite checks', async () => {
    emu = startNodeEmulator()
    await call('POST', '/databases', { databaseId: 'db', name: 'DB' })
    await call('POST', '/databases/db/collections', {
      collectionId: 'c',
      name: 'C',
      attributes: [
        { key: 'name', type: 'string', size: 100, required: false },
        { key: 'tags', type: 'string', size: 10, required: false, array: true },
        { key: 'age', type: 'integer', required: false },
      ],
    })
    const base = '/databases/db/collections/c/indexes'
    const made = await call('POST', base, { key: 'by_name', type: 'key', attributes: ['name', 'age'], orders: ['ASC', 'DESC'] })
    expect(made.status).toBe(202)
    expect(made.body).toMatchObject({ key: 'by_name', type: 'key', attributes: ['name', 'age'], orders: ['ASC', 'DESC'], status: 'processing' })
    expect((await call('POST', base, { key: 'x', type: 'key', attributes: ['tags'] })).body).toMatchObject({
      type: 'index_invalid', message: 'Creating indexes on array attributes is not currently supported.',
    })
    expect((await call('POST', base, { key: 'x', type: 'key', attributes: ['nope'] })).body.type).toBe('attribute_unknown')
    expect((await call('POST', base, { key: 'by_name', type: 'key', attributes: ['age'] })).body.type).toBe('index_already_exists')
    expect((await call('POST', base, { key: 'ft', type: 'fulltext', attributes: ['age'] })).body.type).toBe('index_invalid')
    expect((await call('POST', '/tablesdb/db/tables/c/indexes', { key: 'ft', type: 'fulltext', columns: ['name'] })).status).toBe(202)
    expect((await call('GET', base)).body.total).toBe(2)
    expect((await call('GET', `${base}/ft`)).body.attributes).toEqual(['name'])
    expect((await call('GET', '/tablesdb/db/tables/c/indexes/ft')).body.columns).toEqual(['name'])
    expect((await call('DELETE', `${base}/ft`)).status).toBe(204)
    expect((await call('GET', `${base}/ft`)).body.type).toBe('index_not_found')
    expect((await call('GET', '/tablesdb/db/tables/c/indexes/ft')).body.type).toBe('column_index_not_found')
  })

  it('keeps schema routes for API keys', async () => {
    emu = startNodeEmulator()
    const res = await emu.fetch('/databases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"databaseId":"x","name":"x"}' })
    expect(res.status).toBe(401)
    expect((await res.json()).type).toBe('general_unauthorized_scope')
  })
})
