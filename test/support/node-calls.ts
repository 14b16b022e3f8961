import { AppwriteException } from 'appwrite'
import { expect } from 'vitest'
import type { NodeEmulator } from './node-emulator.js'

/**
 * A server-API call with an API key, as node-appwrite would make it (node-appwrite cannot run through msw, so
 * Node tests speak REST for server routes).
 */
export const serverCall = async (emu: NodeEmulator, method: string, path: string, body?: unknown, key = 'test-key') => {
  const res = await emu.fetch(path, {
    method,
    headers: { 'x-appwrite-key': key, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

/** The AppwriteException a promise rejects with (failing the test if it resolves or throws something else). */
export const rejection = async (promise: Promise<unknown>): Promise<AppwriteException> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppwriteException)
  return error as AppwriteException
}
