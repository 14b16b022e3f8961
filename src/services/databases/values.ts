import { isInteger, parseDatetime } from '../../query/values.js'
import { isEmail, isIp, isUrl, numberFormat, utf8Length } from './formats.js'
import type { AttributeRecord } from './records.js'

const INT32 = [-2147483648n, 2147483647n] as const
const INT64 = [-9223372036854775808n, 9223372036854775807n] as const
const DATE_RANGE = 'Value must be valid date between 1000-01-01 00:00:00 and 9999-12-31 23:59:59.'

export type Checked = { ok: true; value: unknown } | { ok: false; message: string }

const fail = (message: string): Checked => ({ ok: false, message })
const pass = (value: unknown): Checked => ({ ok: true, value })

/** Whether an attribute's errors say `has invalid format.` (it has a format) or `has invalid type.`. */
export const hasFormat = (attr: AttributeRecord): boolean =>
  ['integer', 'bigint', 'double'].includes(attr.type) || ['email', 'url', 'ip', 'enum'].includes(attr.format ?? '')

const checkInteger = (attr: AttributeRecord, raw: unknown): Checked => {
  const value = attr.type === 'bigint' && typeof raw === 'string' && /^-?\d+$/.test(raw) ? BigInt(raw) : raw
  const [lo, hi] = attr.size === 4 ? INT32 : INT64
  const outOfBits = () =>
    fail(`Value must be a valid signed ${attr.size === 4 ? 32 : 64}-bit integer between ${numberFormat(lo)} and ${numberFormat(hi)}`)
  if (!isInteger(value)) return outOfBits()
  // Safe integers compare as numbers (the common case, and fast); others exactly as bigint.
  const safe = typeof value === 'number' && Number.isSafeInteger(value)
  const n = safe ? value : BigInt(value)
  if (n < lo || n > hi) return outOfBits()
  const min = attr.min ?? lo
  const max = attr.max ?? hi
  if (n < min || n > max) return fail(`Value must be a valid range between ${numberFormat(min)} and ${numberFormat(max)}`)
  return pass(safe || !Number.isSafeInteger(Number(n)) ? n : Number(n))
}

const checkFloat = (attr: AttributeRecord, value: unknown): Checked => {
  if (typeof value !== 'number' && typeof value !== 'bigint') return fail('Value must be a valid float')
  const n = Number(value)
  const min = Number(attr.min ?? -Number.MAX_VALUE)
  const max = Number(attr.max ?? Number.MAX_VALUE)
  if (n < min || n > max) return fail(`Value must be a valid range between ${numberFormat(min)} and ${numberFormat(max)}`)
  return pass(n)
}

const isPosition = (p: unknown) =>
  Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number') && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90

const checkSpatial = (attr: AttributeRecord, value: unknown): Checked => {
  const name = attr.type === 'linestring' ? 'line' : attr.type
  const bad = (why: string) => fail(`Value must be a valid ${name}: ${why}`)
  if (attr.type === 'point') return isPosition(value) ? pass(value) : bad('Point must be an array of two numeric values [longitude, latitude]')
  if (attr.type === 'linestring') {
    return Array.isArray(value) && value.length >= 2 && value.every(isPosition) ? pass(value) : bad('LineString must be an array of at least two points')
  }
  const rings = Array.isArray(value) && isPosition(value[0]) ? [value] : value
  const closed = (ring: unknown) =>
    Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition) && JSON.stringify(ring[0]) === JSON.stringify(ring[ring.length - 1])
  return Array.isArray(rings) && rings.length > 0 && rings.every(closed) ? pass(rings) : bad('Polygon rings must be closed and have at least four points')
}

/**
 * Checks one (non-null, non-array) value against its attribute as Appwrite's structure validator does, and
 * returns it normalised (dates in UTC with milliseconds, bigint strings as numbers). Failures carry the
 * validator's description.
 */
export const checkValue = (attr: AttributeRecord, value: unknown): Checked => {
  switch (attr.type) {
    case 'string':
    case 'varchar': {
      const size = attr.size ?? 0
      if (typeof value !== 'string' || [...value].length > size) return fail(`Value must be a valid string and no longer than ${size} chars`)
      switch (attr.format) {
        case 'email':
          return isEmail(value) ? pass(value) : fail('Value must be a valid email address')
        case 'url':
          return isUrl(value) ? pass(value) : fail('Value must be a valid URL')
        case 'ip':
          return isIp(value) ? pass(value) : fail('Value must be a valid IP address')
        case 'enum':
          return attr.elements?.includes(value) ? pass(value) : fail(`Value must be one of (${(attr.elements ?? []).join(', ')})`)
        default:
          return pass(value)
      }
    }
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return typeof value === 'string' && utf8Length(value) <= (attr.size ?? 0)
        ? pass(value)
        : fail(`Value must be a valid string no longer than ${attr.size} bytes`)
    case 'integer':
    case 'bigint':
      return checkInteger(attr, value)
    case 'double':
      return checkFloat(attr, value)
    case 'boolean':
      return typeof value === 'boolean' ? pass(value) : fail('Value must be a valid boolean')
    case 'datetime': {
      const date = parseDatetime(value)
      return date ? pass(date) : fail(DATE_RANGE)
    }
    case 'point':
    case 'linestring':
    case 'polygon':
      return checkSpatial(attr, value)
    default:
      return fail(`Unknown attribute type "${attr.type}"`)
  }
}
