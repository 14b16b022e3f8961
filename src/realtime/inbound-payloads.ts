/**
 * Checks of the client's frames, with the messages of Appwrite's message dispatcher and payload validators
 * (`src/Appwrite/Realtime/Message/`). Every failure is a 1003 error; the socket stays open.
 */
import { RealtimeError } from './realtime-error.js'

export type InboundType = 'ping' | 'authentication' | 'subscribe' | 'unsubscribe' | 'presence'

const TYPES = new Set<string>(['ping', 'authentication', 'subscribe', 'unsubscribe', 'presence'])

export interface Inbound {
  type: InboundType
  data: unknown
  /** Whether the frame had a `data` key (a missing payload is reported differently from an invalid one). */
  hasData: boolean
}

/** Parses a text frame into `{type, data}`. */
export const readInbound = (text: string): Inbound => {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch {
    throw RealtimeError.invalidMessage('Message format is not valid.')
  }
  if (message === null) throw RealtimeError.invalidMessage('Message format is not valid.')
  // @note A JSON scalar makes Appwrite's key lookup throw a TypeError: a generic server error.
  if (typeof message !== 'object') throw RealtimeError.serverError()
  const record = message as Record<string, unknown>
  const hasData = Object.hasOwn(record, 'data')
  if (!Object.hasOwn(record, 'type') && !hasData) throw RealtimeError.invalidMessage('Message format is not valid.')
  const type = record.type
  if (typeof type !== 'string' || !TYPES.has(type)) throw RealtimeError.invalidMessage('Message type is not valid.')
  return { type: type as InboundType, data: record.data, hasData: hasData && record.data !== null }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const required = (name: string) => RealtimeError.invalidMessage(`Payload is not valid. ${name} is required`)
const invalid = (param: string, description: string) => RealtimeError.invalidMessage(`${param}: ${description}`)

/** `CustomId`: `unique()` or a key of at most 36 chars of a-z, A-Z, 0-9, `.`, `-`, `_`, not starting with one of the last three. */
const isCustomId = (value: unknown) =>
  typeof value === 'string' && (value === 'unique()' || /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}$/.test(value))

/** The `session` of an `authentication` frame (`Text(2048)`). */
export const readAuthentication = (inbound: Inbound): string => {
  if (!inbound.hasData || !isObject(inbound.data) || !Object.hasOwn(inbound.data, 'session')) throw required('Session')
  const session = inbound.data.session
  if (typeof session !== 'string' || session.length < 1 || session.length > 2048) {
    throw invalid('session', 'Value must be a valid string and at least 1 chars and no longer than 2048 chars')
  }
  return session
}

export interface SubscribeItem {
  subscriptionId?: string
  channels: string[]
  queries: unknown
}

/** The list of a `subscribe` frame (`SubscribePayload`). */
export const readSubscribe = (inbound: Inbound): SubscribeItem[] => {
  if (!inbound.hasData) throw required('Items')
  const items = inbound.data
  if (!Array.isArray(items)) throw invalid('items', 'Payload is not valid.')
  for (const item of items) {
    if (!isObject(item)) throw invalid('items', 'Each subscribe payload must be an object.')
    if (Object.hasOwn(item, 'subscriptionId') && !isCustomId(item.subscriptionId)) {
      throw invalid('items', 'subscriptionId is not a valid id.')
    }
    if (!Object.hasOwn(item, 'channels')) throw invalid('items', 'channels is not present in payload.')
    if (!Array.isArray(item.channels)) throw invalid('items', 'channels is not a valid array.')
    if (!item.channels.every((c) => typeof c === 'string')) throw invalid('items', 'channels must contain only strings.')
    if (Object.hasOwn(item, 'queries') && !Array.isArray(item.queries)) throw invalid('items', 'queries is not a valid array.')
  }
  return items as SubscribeItem[]
}

/** The ids of an `unsubscribe` frame (`UnsubscribePayload`). */
export const readUnsubscribe = (inbound: Inbound): string[] => {
  if (!inbound.hasData) throw required('Items')
  const items = inbound.data
  if (!Array.isArray(items)) throw invalid('items', 'Payload is not valid.')
  return items.map((item) => {
    if (!isObject(item) || typeof item.subscriptionId !== 'string' || item.subscriptionId === '') {
      throw invalid('items', 'Each unsubscribe payload must include a non-empty subscriptionId.')
    }
    return item.subscriptionId
  })
}
