import { Storage } from 'appwrite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { PNG_1X1, createBucket, load, server, signUp } from './storage-helpers.js'

let emu: NodeEmulator
beforeEach(async () => {
  emu = startNodeEmulator()
  await createBucket(emu, { permissions: ['create("any")', 'read("any")'] })
})
afterEach(() => emu.close())

const TEXT = '0123456789abcdefghij'

const upload = (fileId: string, content: BlobPart, name: string, bucketId = 'photos') =>
  new Storage(emu.client()).createFile({ bucketId, fileId, file: new File([content], name) })

describe('view and download as plain URL loads', () => {
  it('serves the bytes with Appwrite’s headers', async () => {
    await upload('pixel', PNG_1X1, 'pixel.png')
    const view = await load(emu, '/storage/buckets/photos/files/pixel/view')
    expect(view.status).toBe(200)
    expect(Object.fromEntries(['content-type', 'content-disposition', 'cache-control', 'content-security-policy', 'x-content-type-options', 'content-length'].map((h) => [h, view.headers.get(h)]))).toEqual({
      'content-type': 'image/png',
      'content-disposition': 'inline; filename="pixel.png"',
      'cache-control': 'private, max-age=3888000',
      'content-security-policy': 'script-src none;',
      'x-content-type-options': 'nosniff',
      'content-length': String(PNG_1X1.length),
    })
    expect(new Uint8Array(await view.arrayBuffer())).toEqual(PNG_1X1)
    const download = await load(emu, '/storage/buckets/photos/files/pixel/download')
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="pixel.png"')
    expect(download.headers.get('content-type')).toBe('image/png')
  })

  it('views HTML as text/plain, but downloads it as itself; names go out as UTF-8', async () => {
    await upload('page', '<!doctype html><script>alert(1)</script>', 'päge.html')
    const view = await load(emu, '/storage/buckets/photos/files/page/view')
    expect(view.headers.get('content-type')).toBe('text/plain')
    const download = await load(emu, '/storage/buckets/photos/files/page/download')
    expect(download.headers.get('content-type')).toBe('text/html')
    const raw = download.headers.get('content-disposition') ?? ''
    expect(new TextDecoder().decode(Uint8Array.from(raw, (c) => c.charCodeAt(0)))).toBe('attachment; filename="päge.html"')
  })

  it('answers Range with 206, and 416 where Appwrite does', async () => {
    await upload('text', TEXT, 'text.txt')
    const path = '/storage/buckets/photos/files/text/view'
    const part = await load(emu, path, { range: 'bytes=2-5' })
    expect(part.status).toBe(206)
    expect([part.headers.get('content-range'), part.headers.get('accept-ranges'), part.headers.get('content-length')]).toEqual(['bytes 2-5/20', 'bytes', '4'])
    expect(await part.text()).toBe('2345')
    const open = await load(emu, path, { range: 'bytes=15-' })
    expect([open.status, open.headers.get('content-range'), await open.text()]).toEqual([206, 'bytes 15-19/20', 'fghij'])
    for (const range of ['bytes=0-0', 'bytes=5-2', 'bytes=10-20', 'items=0-5', 'bytes=-5', 'nonsense']) {
      const refused = await load(emu, path, { range })
      expect([range, refused.status, (await refused.json()).type]).toEqual([range, 416, 'storage_invalid_range'])
    }
  })

  it('lends the URL load the caller’s session, and refuses others as Appwrite does', async () => {
    await createBucket(emu, { bucketId: 'private', permissions: ['create("users")'], fileSecurity: true })
    const ann = await signUp(emu, 'ann')
    await upload('secret', TEXT, 'secret.txt', 'private')
    const path = '/storage/buckets/private/files/secret/view'
    expect((await load(emu, path, { 'x-appwrite-session': ann.session })).status).toBe(200)
    const guest = await load(emu, path)
    expect([guest.status, (await guest.json()).type]).toEqual([404, 'storage_file_not_found'])
    await createBucket(emu, { bucketId: 'closed', permissions: ['create("users")'] })
    await upload('secret', TEXT, 'secret.txt', 'closed')
    const closed = await load(emu, '/storage/buckets/closed/files/secret/download', { 'x-appwrite-session': ann.session })
    expect([closed.status, (await closed.json()).type]).toEqual([401, 'user_unauthorized'])
  })

  it('opens one file with a file token, ignores bad ones, and refuses it for other files', async () => {
    await createBucket(emu, { bucketId: 'private', permissions: ['create("any")'] })
    await upload('a', 'file a', 'a.txt', 'private')
    await upload('b', 'file b', 'b.txt', 'private')
    const token = await server(emu, 'POST', '/tokens/buckets/private/files/a', {})
    expect(token.status).toBe(201)
    expect(Object.keys(token.body)).toEqual(['$id', '$createdAt', 'resourceId', 'resourceType', 'expire', 'secret', 'accessedAt'])
    expect(token.body).toMatchObject({ resourceId: 'private:a', resourceType: 'files', expire: '', accessedAt: '' })
    expect(token.body.secret.split('.')).toHaveLength(3)
    const claims = JSON.parse(atob(token.body.secret.split('.')[1]))
    expect(claims).toMatchObject({ tokenId: token.body.$id, resourceId: 'private:a', resourceType: 'files' })

    const opened = await load(emu, `/storage/buckets/private/files/a/view?token=${token.body.secret}`)
    expect([opened.status, await opened.text()]).toEqual([200, 'file a'])
    const other = await load(emu, `/storage/buckets/private/files/b/view?token=${token.body.secret}`)
    expect([other.status, (await other.json()).type]).toEqual([401, 'user_unauthorized'])
    const forged = await load(emu, `/storage/buckets/private/files/a/view?token=${token.body.secret.slice(0, -2)}xx`)
    expect(forged.status).toBe(401)
    expect((await server(emu, 'GET', `/tokens/${token.body.$id}`)).body.accessedAt).not.toBe('')

    const listed = await server(emu, 'GET', '/tokens/buckets/private/files/a')
    expect(listed.body.total).toBe(1)
    const past = await server(emu, 'PATCH', `/tokens/${token.body.$id}`, { expire: '2001-01-01T00:00:00.000+00:00' })
    expect([past.status, past.body.type]).toEqual([400, 'general_argument_invalid'])
    const future = await server(emu, 'PATCH', `/tokens/${token.body.$id}`, { expire: '2999-01-01T00:00:00.000+00:00' })
    expect(future.body.expire).toBe('2999-01-01T00:00:00.000+00:00')
    expect((await server(emu, 'DELETE', `/tokens/${token.body.$id}`)).status).toBe(204)
    const gone = await server(emu, 'GET', `/tokens/${token.body.$id}`)
    expect([gone.status, gone.body.type]).toEqual([404, 'token_not_found'])
    expect((await load(emu, `/storage/buckets/private/files/a/view?token=${token.body.secret}`)).status).toBe(401)
  })

  it('previews need a canvas: Node answers a clear 501, after the access checks', async () => {
    await upload('pixel', PNG_1X1, 'pixel.png')
    const preview = await load(emu, '/storage/buckets/photos/files/pixel/preview?width=10')
    const body = await preview.json()
    expect([preview.status, body.type]).toEqual([501, 'general_not_implemented'])
    expect(body.message).toContain('OffscreenCanvas')
    const badParam = await load(emu, '/storage/buckets/photos/files/pixel/preview?width=5000')
    expect((await badParam.json()).message).toBe('Invalid `width` param: Value must be a valid range between 0 and 4,000')
    await server(emu, 'PUT', '/storage/buckets/photos', { name: 'Photos', permissions: ['read("any")'], transformations: false })
    const disabled = await load(emu, '/storage/buckets/photos/files/pixel/preview')
    expect([disabled.status, (await disabled.json()).type]).toEqual([403, 'storage_bucket_transformations_disabled'])
  })
})
