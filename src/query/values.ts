import { formatDate } from '../util/time.js'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i
const MIN_DATE = Date.UTC(1000, 0, 1)
const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/**
 * Parses a datetime as Appwrite stores it: any date with a 4-digit year, read as UTC when it names no zone,
 * returned in Appwrite's format (`2025-01-02T03:04:05.678+00:00`); `null` when it is not a valid date in
 * MariaDB's range (1000-01-01 … 9999-12-31).
 */
let lastInput: unknown
let lastOutput: string | null = null

export const parseDatetime = (value: unknown): string | null => {
  // A batch of documents shares one timestamp: remember the last answer.
  if (value === lastInput) return lastOutput
  lastOutput = parseDate(value)
  lastInput = value
  return lastOutput
}

const parseDate = (value: unknown): string | null => {
  if (typeof value !== 'string' || !/^\s*\d{4}-/.test(value)) return null
  let text = value.trim().replace(' ', 'T')
  if (!DATE_ONLY.test(text) && !HAS_ZONE.test(text)) text += 'Z'
  const time = Date.parse(text)
  if (Number.isNaN(time) || time < MIN_DATE || time > MAX_DATE) return null
  return formatDate(time)
}

export const isInteger = (value: unknown): value is number | bigint =>
  typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))

/** A number for comparisons (64-bit integers beyond 2^53 lose precision only in ordering). */
export const toNumber = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : (value as number))

/**
 * Whether `value` may be compared with an attribute of `type`, and its normalised form (dates in UTC,
 * `$sequence` and bigint as numbers). `undefined` means the value is invalid.
 */
export const normalizeQueryValue = (type: string, value: unknown): unknown => {
  switch (type) {
    case 'string':
    case 'varchar':
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return typeof value === 'string' ? value : undefined
    case 'relationship':
      return typeof value === 'string' && value.length <= 255 ? value : undefined
    case 'integer':
      return isInteger(value) ? toNumber(value) : undefined
    case 'bigint':
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
      return isInteger(value) ? toNumber(value) : undefined
    case 'double':
    case 'float':
      return typeof value === 'number' || typeof value === 'bigint' ? toNumber(value) : undefined
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined
    case 'datetime':
      return parseDatetime(value) ?? undefined
    case 'id': {
      const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
      return isInteger(n) && toNumber(n) >= 1 ? toNumber(n) : undefined
    }
    default:
      // Spatial geometries and anything else are compared as given.
      return value
  }
}
