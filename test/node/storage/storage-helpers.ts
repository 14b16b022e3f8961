import { expect } from 'vitest'
import { serverCall } from '../../support/node-calls.js'
import type { NodeEmulator } from '../../support/node-emulator.js'

/** A server-API call with an API key (node-appwrite cannot go through msw). */
export const server = (emu: NodeEmulator, method: string, path: string, body?: unknown) => serverCall(emu, method, path, body, 'k')

export const createBucket = async (emu: NodeEmulator, bucket: Record<string, unknown> = {}) => {
  const created = await server(emu, 'POST', '/storage/buckets', { bucketId: 'photos', name: 'Photos', ...bucket })
  expect(created.status).toBe(201)
  return created.body
}

export { rejection } from '../../support/node-calls.js'

/** Bytes that differ at every position, so a misplaced chunk changes the MD5. */
export const patternBytes = (size: number, seed = 7): Uint8Array<ArrayBuffer> => {
  const bytes = new Uint8Array(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

/** A 1×1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)

/** Sends one raw chunk as the SDK does: multipart with `content-range` (and `x-appwrite-id`). */
export const sendChunk = async (
  emu: NodeEmulator,
  bucketId: string,
  fileId: string,
  bytes: Uint8Array,
  start: number,
  end: number,
  init: { name?: string; headers?: Record<string, string>; id?: boolean } = {},
) => {
  const form = new FormData()
  form.append('fileId', fileId)
  form.append('file', new File([bytes.slice(start, end)], init.name ?? 'big.bin'))
  const headers: Record<string, string> = { 'content-range': `bytes ${start}-${end - 1}/${bytes.length}`, ...init.headers }
  if (init.id) headers['x-appwrite-id'] = fileId
  const response = await emu.fetch(`/storage/buckets/${bucketId}/files`, { method: 'POST', body: form, headers })
  return { status: response.status, body: await response.json() }
}

/** Signs a new user up and in through the SDK; returns their id and the session token the SDK keeps. */
export const signUp = async (emu: NodeEmulator, name: string) => {
  const { Account, ID } = await import('appwrite')
  emu.signOutLocally()
  const account = new Account(emu.client())
  const user = await account.create({ userId: ID.unique(), email: `${name}@example.com`, password: `password-of-${name}`, name })
  await account.createEmailPasswordSession({ email: `${name}@example.com`, password: `password-of-${name}` })
  const stored = (globalThis as { window?: { localStorage: Storage } }).window?.localStorage.getItem('cookieFallback') ?? '{}'
  const session = JSON.parse(stored)[`a_session_${emu.projectId}`] as string
  return { id: user.$id, session }
}

/** A raw GET of a URL route, as a browser's `<img src>` makes it (plus a session the worker would lend). */
export const load = async (emu: NodeEmulator, path: string, headers: Record<string, string> = {}) => {
  const url = new URL(`http://x/v1${path}`)
  url.searchParams.set('project', emu.projectId)
  const response = await emu.engine.handle(new Request(url, { headers }))
  return response
}
