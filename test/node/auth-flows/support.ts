import { Account, ID } from 'appwrite'
import { expect } from 'vitest'
import type { OutboxMessage } from '../../../src/outbox/index.js'
import type { NodeEmulator } from '../../support/node-emulator.js'

export { rejection, serverCall as server } from '../../support/node-calls.js'

/** Reads the outbox through its REST path, as a user's own end-to-end test would. Newest first. */
export const outbox = async (emu: NodeEmulator, query: Record<string, string> = {}): Promise<OutboxMessage[]> => {
  const res = await emu.fetch(`/offwrite/outbox?${new URLSearchParams(query)}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { messages: OutboxMessage[] }).messages
}

/** The latest message to `to`, failing the test if there is none. */
export const latestMessage = async (emu: NodeEmulator, to: string, kind?: string): Promise<OutboxMessage> => {
  const [message] = await outbox(emu, { to, ...(kind && { kind }) })
  expect(message, `a message to ${to}`).toBeDefined()
  return message
}

/** Signs a new email/password user up and in; the SDK keeps the session. */
export const signUpAndIn = async (emu: NodeEmulator, email: string, name = '') => {
  const account = new Account(emu.client())
  const user = await account.create({ userId: ID.unique(), email, password: 'password123', name })
  await account.createEmailPasswordSession({ email, password: 'password123' })
  return user
}

/** Switches the SDK to another user: forgets the stored session, then signs in. */
export const signInAs = async (emu: NodeEmulator, email: string) => {
  emu.signOutLocally()
  await new Account(emu.client()).createEmailPasswordSession({ email, password: 'password123' })
}

/** The query parameters of a link. */
export const paramsOf = (link: string): Record<string, string> => Object.fromEntries(new URL(link).searchParams)
