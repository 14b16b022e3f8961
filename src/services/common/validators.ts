import { invalidParam } from '../../errors/index.js'
import { CUSTOM_ID } from '../../util/id.js'

/** Appwrite's `Key` validator description. */
export const KEY_RULE =
  'Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can\'t start with a special char'
const UID_RULE =
  'UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can\'t start with a leading underscore'

/** An ID being created: a `Key` or the literal `unique()` (Appwrite's CustomId validator). */
export const checkCustomId = (name: string, value: unknown): string => {
  if (value === 'unique()') return value
  if (typeof value !== 'string' || !CUSTOM_ID.test(value)) throw invalidParam(name, KEY_RULE)
  return value
}

/** An ID that looks something up (Appwrite's UID validator). */
export const checkUid = (name: string, value: unknown): string => {
  if (typeof value !== 'string' || !CUSTOM_ID.test(value)) throw invalidParam(name, UID_RULE)
  return value
}

// The same shape PHP's FILTER_VALIDATE_EMAIL accepts for ordinary addresses.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

export const checkEmail = (name: string, value: unknown): string => {
  if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
    throw invalidParam(name, 'Value must be a valid email address')
  }
  return value
}

export const checkPassword = (name: string, value: unknown, min = 8): string => {
  if (typeof value !== 'string' || value.length < min || value.length > 256) {
    throw invalidParam(name, `Password must be between ${min} and 256 characters long.`)
  }
  return value
}

export const checkText = (name: string, value: unknown, max: number): string => {
  if (typeof value !== 'string' || value.length > max) {
    throw invalidParam(name, `Value must be a valid string and no longer than ${max} chars`)
  }
  return value
}

const PHONE = /^\+[1-9]\d{6,14}$/

export const checkPhone = (name: string, value: unknown): string => {
  if (typeof value !== 'string' || !PHONE.test(value)) {
    throw invalidParam(name, "Phone number must start with a '+' can have a maximum of fifteen digits.")
  }
  return value
}

/** Resolves `unique()` to a new ID. */
export const resolveId = (id: string, newId: () => string): string => (id === 'unique()' ? newId() : id)
