import { invalidParam } from '../../errors/index.js'

/** utopia's `Text($max)`: at least one character. */
export const checkName = (name: string, value: unknown, max = 128): string => {
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    throw invalidParam(name, `Value must be a valid string and at least 1 chars and no longer than ${max} chars`)
  }
  return value
}

const KEY = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/

/** `ArrayList(Key(maxLength), 100)`: team roles (36 chars on a team, 81 on a membership). */
export const checkRoles = (name: string, value: unknown, maxLength: number): string[] => {
  const ok =
    Array.isArray(value) &&
    value.length <= 100 &&
    value.every((role) => typeof role === 'string' && role.length <= maxLength && KEY.test(role))
  if (!ok) {
    throw invalidParam(
      name,
      `Value must a valid array no longer than 100 items and Parameter must contain at most ${maxLength} chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char`,
    )
  }
  return value as string[]
}

/** The `search` param of list routes: `Text(256)`, possibly empty. */
export const checkSearch = (value: unknown): string => {
  const search = String(value ?? '').trim()
  if (search.length > 256) throw invalidParam('search', 'Value must be a valid string and no longer than 256 chars')
  return search
}
