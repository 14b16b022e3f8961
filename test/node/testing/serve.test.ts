import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Client, Databases, ID, Permission, Query, Role, Storage, TablesDB, TablesDBIndexType, Users } from 'node-appwrite'
import { InputFile } from 'node-appwrite/file'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { type OffwriteServer, serve } from '../../../src/node/serve.js'

let server: OffwriteServer
beforeAll(async () => {
  server = await serve({ port: 0, projects: ['proj'], apiKeys: ['server-key'] })
})
afterAll(() => server.close())

const admin = () => new Client().setEndpoint(server.endpoint).setProject('proj').setKey('server-key')

describe('offwrite serve with node-appwrite', () => {
  it('answers the Users API over real HTTP', async () => {
    const users = new Users(admin())
    const created = await users.create({ userId: ID.unique(), email: 'nia@example.com', password: 'nia password', name: 'Nia' })
    expect(created.$id).toMatch(/^[0-9a-f]{20}$/)
    expect(created.password).toMatch(/^\$argon2id\$/)
    expect((await users.updateName({ userId: created.$id, name: 'Nia B' })).name).toBe('Nia B')
    const session = await users.createSession({ userId: created.$id })
    expect(session.secret).not.toBe('')
    await users.delete({ userId: created.$id })
    await expect(users.get({ userId: created.$id })).rejects.toMatchObject({ code: 404, type: 'user_not_found' })
  })

  it('answers the TablesDB and Databases APIs: schema, rows and documents with queries', async () => {
    const tables = new TablesDB(admin())
    await tables.create({ databaseId: 'shop', name: 'Shop' })
    await tables.createTable({ databaseId: 'shop', tableId: 'items', name: 'Items', permissions: [Permission.read(Role.any())] })
    await tables.createStringColumn({ databaseId: 'shop', tableId: 'items', key: 'name', size: 50, required: true })
    await tables.createIntegerColumn({ databaseId: 'shop', tableId: 'items', key: 'stock', required: false, xdefault: 0 })
    await tables.createIndex({ databaseId: 'shop', tableId: 'items', key: 'by_stock', type: TablesDBIndexType.Key, columns: ['stock'] })
    for (const [name, stock] of [['pen', 3], ['ink', 0], ['pad', 7]] as const) {
      await tables.createRow({ databaseId: 'shop', tableId: 'items', rowId: ID.unique(), data: { name, stock } })
    }
    const inStock = await tables.listRows({
      databaseId: 'shop', tableId: 'items', queries: [Query.greaterThan('stock', 0), Query.orderDesc('stock')],
    })
    expect(inStock.rows.map((r) => r.name)).toEqual(['pad', 'pen'])
    const pen = inStock.rows[1]
    expect((await tables.updateRow({ databaseId: 'shop', tableId: 'items', rowId: pen.$id, data: { stock: 2 } })).stock).toBe(2)
    await tables.deleteRow({ databaseId: 'shop', tableId: 'items', rowId: pen.$id })
    expect((await tables.listRows({ databaseId: 'shop', tableId: 'items' })).total).toBe(2)

    // The legacy names are a facade over the same storage.
    const databases = new Databases(admin())
    const docs = await databases.listDocuments({ databaseId: 'shop', collectionId: 'items', queries: [Query.equal('name', 'ink')] })
    expect(docs.documents).toHaveLength(1)
    expect(docs.documents[0]).toMatchObject({ name: 'ink', stock: 0, $collectionId: 'items', $databaseId: 'shop' })
    await expect(databases.getDocument({ databaseId: 'shop', collectionId: 'items', documentId: 'nope' })).rejects.toMatchObject({
      code: 404,
      type: 'document_not_found',
    })
  })

  it('answers the Storage API: buckets, a chunked upload, download and delete', async () => {
    const storage = new Storage(admin())
    const bucket = await storage.createBucket({ bucketId: 'media', name: 'Media', permissions: [Permission.read(Role.any())] })
    expect(bucket.$id).toBe('media')
    // Over 5 MiB: node-appwrite sends it in chunks with Content-Range, as against a real server.
    const bytes = new Uint8Array(6 * 1024 * 1024).map((_, i) => i % 251)
    const progress: number[] = []
    const file = await storage.createFile({
      bucketId: 'media', fileId: ID.unique(), file: InputFile.fromBuffer(bytes, 'big.bin'),
      onProgress: (p) => void progress.push(p.chunksUploaded),
    })
    expect(file).toMatchObject({ name: 'big.bin', sizeOriginal: bytes.length, chunksTotal: 2, chunksUploaded: 2 })
    expect(progress.at(-1)).toBe(2)
    const downloaded = new Uint8Array(await storage.getFileDownload({ bucketId: 'media', fileId: file.$id }))
    expect(downloaded.length).toBe(bytes.length)
    expect(downloaded.every((b, i) => b === bytes[i])).toBe(true)
    expect((await storage.listFiles({ bucketId: 'media' })).total).toBe(1)
    await storage.deleteFile({ bucketId: 'media', fileId: file.$id })
    await expect(storage.getFile({ bucketId: 'media', fileId: file.$id })).rejects.toMatchObject({ code: 404, type: 'storage_file_not_found' })
  })

  it('refuses a wrong API key as Appwrite does', async () => {
    const users = new Users(admin().setKey('wrong'))
    await expect(users.get({ userId: 'x' })).rejects.toMatchObject({ code: 401, type: 'user_unauthorized' })
  })

  it('answers curl-style requests and its admin API over HTTP', async () => {
    const ping = await fetch(`${server.endpoint}/ping`, { headers: { 'x-appwrite-project': 'proj' } })
    expect(ping.status).toBe(200)
    const seeded = await fetch(`${server.url}/_offwrite/proj/seed`, {
      method: 'POST',
      body: JSON.stringify({ data: { users: [{ $id: 'oli', email: 'oli@example.com', password: 'oli password' }] } }),
    })
    expect((await seeded.json()).users).toEqual(['oli'])
    const log = await (await fetch(`${server.url}/_offwrite/proj/requests?limit=1`)).json()
    expect(log[0]).toMatchObject({ method: 'POST', path: '/users', status: 201, apiKey: true })
    const bad = await fetch(`${server.url}/_offwrite/proj/ids`, { method: 'POST', body: JSON.stringify({ prefix: 'no spaces' }) })
    expect(bad.status).toBe(400)
  })
})

describe('offwrite serve realtime', () => {
  it('speaks Appwrite\'s realtime protocol on a real WebSocket', async () => {
    const project = await server.admin('proj')
    await project.seed({ data: { users: [{ $id: 'rae', email: 'rae@example.com', password: 'rae password' }] } })
    const { secret } = await project.actAs('rae')
    const socket = new WebSocket(`${server.endpoint.replace('http', 'ws')}/realtime?project=proj`, {
      headers: { 'x-appwrite-session': secret },
    })
    const frames: Array<{ type: string; data: any }> = []
    const next = (type: string) =>
      new Promise<any>((resolve) => {
        const check = () => {
          const found = frames.find((f) => f.type === type)
          if (found) resolve(found.data)
          else setTimeout(check, 5)
        }
        check()
      })
    socket.on('message', (data) => frames.push(JSON.parse(String(data))))
    expect((await next('connected')).user.$id).toBe('rae')
    socket.send(JSON.stringify({ type: 'subscribe', data: [{ subscriptionId: 's1', channels: ['account'] }] }))
    expect((await next('response')).subscriptions[0]).toMatchObject({ subscriptionId: 's1', channels: ['account', 'account.rae'] })
    const renamed = await fetch(`${server.endpoint}/account/name`, {
      method: 'PATCH',
      headers: { 'x-appwrite-project': 'proj', 'x-appwrite-session': secret, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rae' }),
    })
    expect(renamed.status).toBe(200)
    const event = await next('event')
    expect(event.subscriptions).toEqual(['s1'])
    expect(event.payload.name).toBe('Rae')
    socket.close()
  })
})

describe('offwrite serve --data', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offwrite-data-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('keeps the data across a restart, and seeds only a project it did not load', async () => {
    const seed = { projectId: 'kept', data: { users: [{ $id: 'sid', email: 'sid@example.com', password: 'sid password' }] } }
    const first = await serve({ port: 0, data: dir, seed })
    const client = new Client().setEndpoint(first.endpoint).setProject('kept').setKey('any')
    await new Users(client).create({ userId: 'pia', email: 'pia@example.com', password: 'pia password' })
    await first.close()
    expect(await readdir(dir)).toEqual(['kept.offwrite.json'])

    const second = await serve({ port: 0, data: dir, seed })
    const again = new Client().setEndpoint(second.endpoint).setProject('kept').setKey('any')
    expect((await new Users(again).get({ userId: 'pia' })).email).toBe('pia@example.com')
    expect((await new Users(again).get({ userId: 'sid' })).email).toBe('sid@example.com')
    await second.close()
  })
})

describe('npx offwrite serve', () => {
  const bin = fileURLToPath(new URL('../../../bin/offwrite.mjs', import.meta.url))
  const built = existsSync(fileURLToPath(new URL('../../../dist/node.js', import.meta.url)))

  it.skipIf(!built)('starts from the command line, answers node-appwrite and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--project', 'cli', '--key', 'cli-key', '--id-prefix', 'cli-'])
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const found = /serving (\S+)/.exec(String(chunk))
        if (found) resolve(found[1])
      })
      child.once('exit', () => reject(new Error('offwrite serve exited early')))
    })
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    const users = new Users(new Client().setEndpoint(endpoint).setProject('cli').setKey('cli-key'))
    expect((await users.create({ userId: 'unique()', email: 'cli@example.com' })).$id).toBe('cli-000001')
    const other = new Users(new Client().setEndpoint(endpoint).setProject('other').setKey('cli-key'))
    await expect(other.get({ userId: 'x' })).rejects.toMatchObject({ code: 404, type: 'project_not_found' })
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
