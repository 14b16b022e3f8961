import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { applyBuckets } from '../../../src/services/storage/index.js'
import { createBucket, server } from './storage-helpers.js'

let emu: NodeEmulator
beforeEach(() => {
  emu = startNodeEmulator()
})
afterEach(() => emu.close())

describe('buckets through the server API', () => {
  it('creates a bucket with Appwrite’s defaults and model', async () => {
    const bucket = await createBucket(emu)
    expect(Object.keys(bucket)).toEqual([
      '$id', '$createdAt', '$updatedAt', '$permissions', 'fileSecurity', 'name', 'enabled', 'maximumFileSize',
      'allowedFileExtensions', 'compression', 'encryption', 'antivirus', 'transformations', 'totalSize',
    ])
    expect(bucket).toMatchObject({
      $id: 'photos', $permissions: [], fileSecurity: false, name: 'Photos', enabled: true, maximumFileSize: 30_000_000,
      allowedFileExtensions: [], compression: 'none', encryption: true, antivirus: true, transformations: true, totalSize: 0,
    })
  })

  it('keeps every setting, expands write and answers duplicates with 409', async () => {
    const bucket = await createBucket(emu, {
      bucketId: 'unique()', permissions: ['write("users")', 'read("any")'], fileSecurity: true, enabled: false,
      maximumFileSize: 1000, allowedFileExtensions: ['png'], compression: 'gzip', encryption: false, antivirus: false,
      transformations: false,
    })
    expect(bucket.$id).toMatch(/^[0-9a-f]{20}$/)
    expect(bucket.$permissions).toEqual(['create("users")', 'update("users")', 'delete("users")', 'read("any")'])
    expect(bucket).toMatchObject({ fileSecurity: true, enabled: false, maximumFileSize: 1000, compression: 'gzip', transformations: false })
    const again = await server(emu, 'POST', '/storage/buckets', { bucketId: bucket.$id, name: 'Again' })
    expect([again.status, again.body.type]).toEqual([409, 'storage_bucket_already_exists'])
  })

  it('validates settings with Appwrite’s messages', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ maximumFileSize: 40_000_000 }, 'Invalid `maximumFileSize` param: Value must be a valid range between 1 and 30,000,000'],
      [{ compression: 'brotli' }, 'Invalid `compression` param: Value must be one of (none, gzip, zstd)'],
      [{ name: 'x'.repeat(129) }, 'Invalid `name` param: Value must be a valid string and no longer than 128 chars'],
      [{ permissions: ['read("nobody")'] }, 'Invalid `permissions` param: Role "nobody" is not allowed. Must be one of: any, guests, users, user, team, member, label.'],
      [{ bucketId: '_bad' }, expect.stringContaining('Invalid `bucketId` param')],
    ]
    for (const [body, message] of cases) {
      const res = await server(emu, 'POST', '/storage/buckets', { bucketId: 'b', name: 'B', ...body })
      expect([res.status, res.body.type, res.body.message]).toEqual([400, 'general_argument_invalid', message])
    }
  })

  it('lists with queries and search, gets, updates (defaults return) and deletes', async () => {
    await createBucket(emu, { bucketId: 'avatars', name: 'Avatars', maximumFileSize: 5000 })
    await createBucket(emu, { bucketId: 'docs', name: 'Documents', enabled: false })
    const all = await server(emu, 'GET', '/storage/buckets')
    expect(all.body.total).toBe(2)
    expect(all.body.buckets.map((b: { $id: string }) => b.$id)).toEqual(['avatars', 'docs'])
    const enabled = await server(emu, 'GET', `/storage/buckets?queries[0]=${encodeURIComponent('{"method":"equal","attribute":"enabled","values":[false]}')}`)
    expect(enabled.body.buckets.map((b: { $id: string }) => b.$id)).toEqual(['docs'])
    const searched = await server(emu, 'GET', '/storage/buckets?search=avat')
    expect(searched.body.buckets.map((b: { $id: string }) => b.$id)).toEqual(['avatars'])
    const badQuery = await server(emu, 'GET', `/storage/buckets?queries[0]=${encodeURIComponent('{"method":"equal","attribute":"secret","values":[1]}')}`)
    expect([badQuery.status, badQuery.body.type]).toEqual([400, 'general_query_invalid'])

    const updated = await server(emu, 'PUT', '/storage/buckets/avatars', { name: 'Faces', permissions: ['read("any")'] })
    expect(updated.body).toMatchObject({ name: 'Faces', maximumFileSize: 30_000_000, $permissions: ['read("any")'] })
    const kept = await server(emu, 'PUT', '/storage/buckets/avatars', { name: 'Faces' })
    expect(kept.body.$permissions).toEqual(['read("any")'])
    expect((await server(emu, 'GET', '/storage/buckets/avatars')).body.name).toBe('Faces')

    expect((await server(emu, 'DELETE', '/storage/buckets/avatars')).status).toBe(204)
    const gone = await server(emu, 'GET', '/storage/buckets/avatars')
    expect([gone.status, gone.body.type]).toEqual([404, 'storage_bucket_not_found'])
  })

  it('follows the project’s storage limit (Appwrite’s _APP_STORAGE_LIMIT)', async () => {
    await emu.engine.store(emu.projectId)
    emu.close()
    emu = startNodeEmulator({ projects: [{ id: 'test', storage: { limit: 500_000_000 } }] })
    const big = await createBucket(emu, { maximumFileSize: 400_000_000 })
    expect(big.maximumFileSize).toBe(400_000_000)
    expect((await createBucket(emu, { bucketId: 'default' })).maximumFileSize).toBe(500_000_000)
    const over = await server(emu, 'POST', '/storage/buckets', { bucketId: 'over', name: 'Over', maximumFileSize: 600_000_000 })
    expect(over.body.message).toBe('Invalid `maximumFileSize` param: Value must be a valid range between 1 and 500,000,000')
  })

  it('is server-only: a client without a key is refused', async () => {
    const res = await emu.fetch('/storage/buckets')
    expect(res.status).toBe(401)
    expect((await res.json()).type).toBe('general_unauthorized_scope')
  })

  it('announces bucket writes', async () => {
    const events: string[] = []
    await emu.engine.store(emu.projectId)
    emu.close()
    emu = startNodeEmulator({ onEvents: (batch) => events.push(...batch.flatMap((e) => e.events)) })
    await createBucket(emu)
    await server(emu, 'PUT', '/storage/buckets/photos', { name: 'P' })
    await server(emu, 'DELETE', '/storage/buckets/photos')
    expect(events).toEqual(['buckets.photos.create', 'buckets.photos.update', 'buckets.photos.delete'])
  })

  it('creates the buckets of a project file', async () => {
    const calls: Array<[string, Record<string, unknown> | undefined]> = []
    const api = {
      op: async (operationId: string, params?: Record<string, unknown>) => {
        calls.push([operationId, params])
        return server(emu, 'POST', '/storage/buckets', params)
      },
    }
    await applyBuckets(api, [
      { $id: 'avatars', $permissions: ['read("any")'], name: 'Avatars', fileSecurity: true, enabled: true, maximumFileSize: 5_000_000, allowedFileExtensions: ['png', 'jpg'], compression: 'none', encryption: true, antivirus: true },
    ])
    expect(calls[0][0]).toBe('storageCreateBucket')
    const bucket = (await server(emu, 'GET', '/storage/buckets/avatars')).body
    expect(bucket).toMatchObject({ $permissions: ['read("any")'], fileSecurity: true, maximumFileSize: 5_000_000, allowedFileExtensions: ['png', 'jpg'] })
  })
})
