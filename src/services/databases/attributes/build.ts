import { invalidParam } from '../../../errors/index.js'
import { CUSTOM_ID } from '../../../util/id.js'
import { KEY_RULE } from '../../common/validators.js'
import type { Flavor } from '../flavor.js'
import { numberFormat } from '../formats.js'
import { type AttributeRecord, type CollectionRecord, idKey } from '../records.js'
import { ROW_WIDTH_BASE, ROW_WIDTH_MAX, attributeWidth } from '../render.js'
import { checkValue } from '../values.js'
import type { AttributeKind } from './kinds.js'

const INT64_MIN = -9223372036854775808n
const INT64_MAX = 9223372036854775807n
const MAX_ATTRIBUTES = 1010

export const checkKey = (name: string, value: unknown): string => {
  if (typeof value !== 'string' || !CUSTOM_ID.test(value)) throw invalidParam(name, KEY_RULE)
  return value
}

/** A 64-bit integer param (number, bigint or digits), as a number when it is safe, a bigint otherwise. */
const int64 = (name: string, value: unknown, fallback: bigint): number | bigint => {
  if (value === undefined || value === null) return fallback
  // JSON numbers cannot spell 2^63 - 1 exactly: project files carry the 64-bit bounds rounded past them.
  if (typeof value === 'number' && Math.abs(value) >= 2 ** 63) return value > 0 ? INT64_MAX : INT64_MIN
  const text = typeof value === 'number' && Number.isInteger(value) ? BigInt(value).toString() : typeof value === 'bigint' ? String(value) : typeof value === 'string' ? value : ''
  if (!/^-?\d+$/.test(text) || BigInt(text) < INT64_MIN || BigInt(text) > INT64_MAX) {
    throw invalidParam(name, 'Value must be a valid integer')
  }
  const n = BigInt(text)
  return Number.isSafeInteger(Number(n)) ? Number(n) : n
}

const float = (name: string, value: unknown, fallback: number): number => {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' && typeof value !== 'bigint') throw invalidParam(name, 'Value must be a valid float')
  return Number(value)
}

/** The parameters of an attribute create/update, as the route or an inline definition gives them. */
export interface AttributeInput {
  key?: unknown
  required?: unknown
  default?: unknown
  array?: unknown
  size?: unknown
  min?: unknown
  max?: unknown
  elements?: unknown
  encrypt?: unknown
}

/**
 * Builds (and checks) an attribute record from create/update params, with Appwrite's rules: no default for
 * required or array attributes, defaults valid for the type, `min` ≤ `max`, sizes in range.
 */
export const buildAttribute = (flavor: Flavor, kind: AttributeKind, input: AttributeInput, now: string, base?: AttributeRecord): AttributeRecord => {
  const noun = flavor.api === 'tablesdb' ? 'column' : 'attribute'
  const key = base?.key ?? checkKey('key', input.key)
  const required = input.required === true
  const array = kind.spatial ? false : base?.array ?? input.array === true
  const record: AttributeRecord = {
    key, type: kind.type, status: 'available', error: '', required, array,
    $createdAt: base?.$createdAt ?? now, $updatedAt: now,
  }
  if (kind.format) record.format = kind.format
  if (kind.size !== undefined) record.size = kind.size
  if (kind.sizeRange) {
    const size = input.size ?? base?.size
    const [lo, hi] = kind.sizeRange
    if (typeof size !== 'number' || !Number.isInteger(size) || size < lo || size > hi) {
      throw invalidParam('size', `Value must be a valid range between ${numberFormat(lo)} and ${numberFormat(hi)}`)
    }
    record.size = size
  }
  if (kind.encrypt) record.encrypt = base?.encrypt ?? input.encrypt === true
  if (kind.format === 'enum') {
    const elements = input.elements ?? base?.elements
    if (!Array.isArray(elements) || elements.length > 100 || elements.some((e) => typeof e !== 'string' || e.length < 1 || e.length > 255)) {
      throw invalidParam('elements', 'Value must a valid array no longer than 100 items and Value must be a valid string and at least 1 chars and no longer than 255 chars')
    }
    record.elements = elements as string[]
  }
  if (kind.type === 'integer' || kind.type === 'bigint') {
    record.min = int64('min', input.min, INT64_MIN)
    record.max = int64('max', input.max, INT64_MAX)
    if (BigInt(record.min) > BigInt(record.max)) {
      throw flavor.error('attribute_value_invalid', { message: 'Minimum value must be lesser than maximum value' })
    }
    record.size = kind.type === 'integer' && BigInt(record.max) <= 2147483647n ? 4 : 8
  }
  if (kind.type === 'double') {
    record.min = float('min', input.min, -Number.MAX_VALUE)
    record.max = float('max', input.max, Number.MAX_VALUE)
    if (record.min > record.max) throw flavor.error('attribute_value_invalid', { message: 'Minimum value must be lesser than maximum value' })
  }
  const fallback = input.default
  if (fallback !== undefined && fallback !== null) {
    if (required) throw flavor.error('attribute_default_unsupported', { message: `Cannot set default value for required ${noun}` })
    if (array) throw flavor.error('attribute_default_unsupported', { message: `Cannot set default value for array ${noun}s` })
    if (kind.format === 'enum' && !record.elements?.includes(fallback as string)) {
      throw flavor.error('attribute_value_invalid', { message: 'Default value not found in elements' })
    }
    const checked = checkValue(record, fallback)
    if (!checked.ok) throw flavor.error('attribute_value_invalid', { message: checked.message })
    record.default = checked.value
  } else {
    record.default = null
  }
  return record
}

/** Appwrite's limits: 1010 attributes, and a row no wider than 65,535 bytes. */
export const assertRoom = (flavor: Flavor, collection: CollectionRecord, attributes: AttributeRecord[]): void => {
  const width = attributes.reduce((sum, a) => sum + attributeWidth(a), ROW_WIDTH_BASE)
  if (attributes.length > MAX_ATTRIBUTES || width > ROW_WIDTH_MAX) {
    throw flavor.error('attribute_limit_exceeded', { param: collection.$id })
  }
}

export const assertUniqueKey = (flavor: Flavor, attributes: readonly AttributeRecord[], key: string): void => {
  if (attributes.some((a) => idKey(a.key) === idKey(key))) throw flavor.error('attribute_already_exists', { param: key })
}
