import { createHash } from 'node:crypto'
import { ID, Permission, Query, Role, Storage } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../src/store/write-path.js'
import { expectModel } from '../../support/expect-model.js'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { PNG_1X1, createBucket, load, rejection, server, signUp } from './storage-helpers.js'

let emu: NodeEmulator
let events: EngineEvent[]
beforeEach(() => {
  events = []
  emu = startNodeEmulator({ onEvents: (batch) => events.push(...batch) })
})
afterEach(() => emu.close())

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')

describe('files through the web SDK', () => {
  it('uploads a small file with Appwrite’s fields, owner permissions and one create event', async () => {
    await createBucket(emu, { permissions: ['create("users")', 'read("users")'] })
    const ann = await signUp(emu, 'ann')
    const storage = new Storage(emu.client())
    const file = await storage.createFile({ bucketId: 'photos', fileId: 'pixel', file: new File([PNG_1X1], 'pixel.png') })
    expectModel(file, 'file')
    expect(Object.keys(file)).toEqual([
      '$id', 'bucketId', '$createdAt', '$updatedAt', '$permissions', 'name', 'folder', 'key', 'signature', 'mimeType',
      'sizeOriginal', 'sizeActual', 'chunksTotal', 'chunksUploaded', 'encryption', 'compression',
    ])
    expect(file).toMatchObject({
      $id: 'pixel', bucketId: 'photos', name: 'pixel.png', folder: '', key: 'pixel.png', signature: md5(PNG_1X1),
      mimeType: 'image/png', sizeOriginal: PNG_1X1.length, sizeActual: 4 * Math.ceil(PNG_1X1.length / 3),
      chunksTotal: 1, chunksUploaded: 1, encryption: true, compression: 'none',
      $permissions: [`read("user:${ann.id}")`, `update("user:${ann.id}")`, `delete("user:${ann.id}")`],
    })
    expect(events.map((e) => e.events[0])).toContain('buckets.photos.files.pixel.create')
    const created = events.find((e) => e.events[0] === 'buckets.photos.files.pixel.create')
    expect(created?.readRoles).toEqual(['users'])

    const again = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'pixel', file: new File([PNG_1X1], 'pixel.png') }))
    expect([again.code, again.type]).toEqual([409, 'storage_file_already_exists'])
  })

  it('detects the type from the bytes, keeps the folder, and stores gzip buckets compressed', async () => {
    await createBucket(emu, { permissions: ['create("any")', 'read("any")'], compression: 'gzip', encryption: false })
    const storage = new Storage(emu.client())
    const text = new TextEncoder().encode('hello hello hello hello hello hello hello hello hello hello\n'.repeat(50))
    const file = await storage.createFile({ bucketId: 'photos', fileId: ID.unique(), file: new File([text], 'notes.png'), folder: 'docs/2026' })
    expect(file).toMatchObject({ mimeType: 'text/plain', folder: 'docs/2026/', key: 'docs/2026/notes.png', compression: 'gzip', encryption: false, sizeOriginal: text.length })
    expect(file.sizeActual).toBeLessThan(text.length / 10)
    expect(file.$permissions).toEqual([])
    const download = await load(emu, `/storage/buckets/photos/files/${file.$id}/download`)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(text)
  })

  it('refuses what Appwrite refuses', async () => {
    await createBucket(emu, { permissions: ['create("users")'], maximumFileSize: 10, allowedFileExtensions: ['png'] })
    const storage = new Storage(emu.client())
    const tiny = new File([PNG_1X1.slice(0, 5)], 'a.png')
    let error = await rejection(storage.createFile({ bucketId: 'nope', fileId: 'f', file: tiny }))
    expect([error.code, error.type]).toEqual([404, 'storage_bucket_not_found'])
    error = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'f', file: tiny }))
    expect([error.code, error.type, error.message]).toEqual([401, 'user_unauthorized', `Missing "create" permission for role "users". Only "["any","guests"]" scopes are allowed and "["users"]" was given.`])

    const bob = await signUp(emu, 'bob')
    error = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'f', file: new File([PNG_1X1.slice(0, 5)], 'a.gif') }))
    expect([error.code, error.type, error.message]).toEqual([400, 'storage_file_type_unsupported', 'File extension not allowed'])
    error = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'f', file: new File([PNG_1X1], 'A.PNG') }))
    expect([error.code, error.type, error.message]).toEqual([400, 'storage_invalid_file_size', 'File size not allowed'])
    error = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'f', file: tiny, permissions: [Permission.read(Role.user('someone'))] }))
    expect([error.code, error.type]).toEqual([401, 'user_unauthorized'])
    expect(error.message).toBe(`Permissions must be one of: (any, user:${bob.id}, users, user:${bob.id}/unverified, users/unverified)`)
    error = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'f', file: tiny, permissions: ['create("any")'] }))
    expect(error.message).toBe('Invalid `permissions` param: Permission "create("any")" is not allowed. Must be one of: read, update, delete, write.')
    error = await rejection(storage.createFile({ bucketId: 'photos', fileId: 'f', file: tiny, folder: '../up' }))
    expect([error.code, error.type]).toEqual([400, 'general_argument_invalid'])
    const listed = await server(emu, 'GET', '/storage/buckets/photos/files')
    expect(listed.body.total).toBe(0)
  })

  it('lists with queries and search, gets, renames, re-permits and deletes (bytes too)', async () => {
    await createBucket(emu, { permissions: ['create("any")', 'read("any")', 'update("any")', 'delete("any")'] })
    const storage = new Storage(emu.client())
    for (const name of ['cat.png', 'dog.png', 'bird.txt']) {
      await storage.createFile({ bucketId: 'photos', fileId: name.split('.')[0], file: new File([name === 'bird.txt' ? 'tweet' : PNG_1X1], name) })
    }
    const pngs = await storage.listFiles({ bucketId: 'photos', queries: [Query.equal('mimeType', 'image/png'), Query.orderDesc('name')] })
    expectModel(pngs, 'fileList')
    expect(pngs.total).toBe(2)
    expect(pngs.files.map((f) => f.$id)).toEqual(['dog', 'cat'])
    const page = await storage.listFiles({ bucketId: 'photos', queries: [Query.limit(1), Query.cursorAfter('cat')] })
    expect(page.files.map((f) => f.$id)).toEqual(['dog'])
    expect((await storage.listFiles({ bucketId: 'photos', search: 'bird' })).files.map((f) => f.$id)).toEqual(['bird'])
    const bad = await rejection(storage.listFiles({ bucketId: 'photos', queries: [Query.equal('$permissions', 'x')] }))
    expect(bad.type).toBe('general_query_invalid')

    expect((await storage.getFile({ bucketId: 'photos', fileId: 'cat' })).name).toBe('cat.png')
    const renamed = await storage.updateFile({ bucketId: 'photos', fileId: 'cat', name: 'kitten.png', permissions: [Permission.read(Role.any())] })
    expect(renamed).toMatchObject({ name: 'kitten.png', key: 'kitten.png', $permissions: ['read("any")'] })
    expect((await storage.listFiles({ bucketId: 'photos', search: 'kitten' })).total).toBe(1)
    const nameOnly = await storage.updateFile({ bucketId: 'photos', fileId: 'cat', name: 'cat.png' })
    expect(nameOnly.$permissions).toEqual(['read("any")'])

    await storage.deleteFile({ bucketId: 'photos', fileId: 'cat' })
    const gone = await rejection(storage.getFile({ bucketId: 'photos', fileId: 'cat' }))
    expect([gone.code, gone.type]).toEqual([404, 'storage_file_not_found'])
    const parts = await (await emu.engine.store(emu.projectId)).db.table('fileParts').where('bucketId').equals('photos').toArray()
    expect(parts.map((p) => p.fileId).sort()).toEqual(['bird', 'dog'])
    expect(events.map((e) => e.events[0]).filter((n) => n.includes('.cat.'))).toEqual([
      'buckets.photos.files.cat.create', 'buckets.photos.files.cat.update', 'buckets.photos.files.cat.update', 'buckets.photos.files.cat.delete',
    ])
  })

  it('without fileSecurity only the bucket’s permissions count (401)', async () => {
    await createBucket(emu, { permissions: ['create("users")'] })
    await signUp(emu, 'ann')
    const storage = new Storage(emu.client())
    await storage.createFile({ bucketId: 'photos', fileId: 'mine', file: new File([PNG_1X1], 'mine.png') })
    for (const call of [
      storage.getFile({ bucketId: 'photos', fileId: 'mine' }),
      storage.listFiles({ bucketId: 'photos' }),
      storage.updateFile({ bucketId: 'photos', fileId: 'mine', name: 'x.png' }),
      storage.deleteFile({ bucketId: 'photos', fileId: 'mine' }),
    ]) {
      const error = await rejection(call)
      expect([error.code, error.type]).toEqual([401, 'user_unauthorized'])
    }
  })

  it('with fileSecurity the file’s own permissions decide: unreadable is 404, unwritable 401', async () => {
    await createBucket(emu, { permissions: ['create("users")'], fileSecurity: true })
    await signUp(emu, 'ann')
    const storage = new Storage(emu.client())
    await storage.createFile({ bucketId: 'photos', fileId: 'anns', file: new File([PNG_1X1], 'anns.png') })
    await storage.createFile({ bucketId: 'photos', fileId: 'shared', file: new File([PNG_1X1], 's.png'), permissions: [Permission.read(Role.users())] })
    expect((await storage.listFiles({ bucketId: 'photos' })).total).toBe(2)

    await signUp(emu, 'bob')
    expect((await storage.listFiles({ bucketId: 'photos' })).files.map((f) => f.$id)).toEqual(['shared'])
    let error = await rejection(storage.getFile({ bucketId: 'photos', fileId: 'anns' }))
    expect([error.code, error.type]).toEqual([404, 'storage_file_not_found'])
    error = await rejection(storage.listFiles({ bucketId: 'photos', queries: [Query.cursorAfter('anns')] }))
    expect(error.type).toBe('general_cursor_not_found')
    error = await rejection(storage.updateFile({ bucketId: 'photos', fileId: 'shared', name: 'mine.png' }))
    expect([error.code, error.type]).toEqual([401, 'user_unauthorized'])
    error = await rejection(storage.deleteFile({ bucketId: 'photos', fileId: 'anns' }))
    expect([error.code, error.type]).toEqual([401, 'user_unauthorized'])
    error = await rejection(storage.deleteFile({ bucketId: 'photos', fileId: 'missing' }))
    expect([error.code, error.type]).toEqual([404, 'storage_file_not_found'])
    const shared = events.find((e) => e.events[0] === 'buckets.photos.files.shared.create')
    expect(shared?.readRoles).toEqual(['users'])
  })

  it('a disabled bucket is missing for clients but not for API keys', async () => {
    await createBucket(emu, { permissions: ['read("any")', 'create("any")'], enabled: false })
    const error = await rejection(new Storage(emu.client()).listFiles({ bucketId: 'photos' }))
    expect([error.code, error.type]).toEqual([404, 'storage_bucket_not_found'])
    expect((await server(emu, 'GET', '/storage/buckets/photos/files')).status).toBe(200)
  })
})
