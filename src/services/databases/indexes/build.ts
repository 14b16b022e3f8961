import { invalidParam } from '../../../errors/index.js'
import { SPATIAL_TYPES } from '../../../query/types.js'
import { checkKey } from '../attributes/build.js'
import type { Flavor } from '../flavor.js'
import { type AttributeRecord, type CollectionRecord, type IndexRecord, idKey } from '../records.js'

const TYPES = ['key', 'fulltext', 'unique', 'spatial']
const MAX_INDEXES = 58
const MAX_LENGTH = 768
const SYSTEM_ATTRIBUTES = new Set(['$id', '$createdAt', '$updatedAt'])
const STRING_TYPES = new Set(['string', 'varchar', 'text', 'mediumtext', 'longtext'])

export interface IndexInput {
  key?: unknown
  type?: unknown
  attributes?: unknown
  orders?: unknown
  lengths?: unknown
}

const invalid = (flavor: Flavor, message: string) => flavor.error('index_invalid', { message })

/** Appwrite's index length rule: strings count their size (or a shorter `lengths` entry), floats 2, others 1. */
const indexLength = (attrs: Array<AttributeRecord | undefined>, lengths: Array<number | null>) =>
  attrs.reduce((sum, attr, i) => {
    if (!attr) return sum + 1
    if (STRING_TYPES.has(attr.type)) return sum + Math.min(lengths[i] ?? attr.size ?? 0, attr.size ?? 0)
    return sum + (attr.type === 'double' ? 2 : 1)
  }, 0)

/**
 * Builds an index record with Appwrite's checks (utopia-php/database `Validator/Index.php` for the SQL
 * adapters): attributes exist and are available, none is an array, fulltext only on strings, spatial only on
 * one required spatial attribute, the length limit, 58 indexes at most.
 */
export const buildIndex = (flavor: Flavor, collection: CollectionRecord, input: IndexInput, now: string): IndexRecord => {
  const key = checkKey('key', input.key)
  const type = input.type
  if (typeof type !== 'string' || !TYPES.includes(type)) throw invalidParam('type', `Value must be one of (${TYPES.join(', ')})`)
  const names = input.attributes
  const param = flavor.param.attributes
  if (!Array.isArray(names) || names.length === 0 || names.length > 100 || names.some((n) => typeof n !== 'string')) {
    throw invalidParam(param, 'Value must a valid array no longer than 100 items and Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can\'t start with a special char')
  }
  if (collection.indexes.some((i) => idKey(i.key) === idKey(key))) throw flavor.error('index_already_exists', { param: key })
  if (collection.indexes.length >= MAX_INDEXES) throw flavor.error('index_limit_exceeded', { param: collection.$id })
  const attrs = (names as string[]).map((name) => {
    if (SYSTEM_ATTRIBUTES.has(name)) return undefined
    const attr = collection.attributes.find((a) => a.key === name)
    if (!attr) throw flavor.error('attribute_unknown', { param: name })
    if (attr.status !== 'available') throw flavor.error('attribute_not_available', { param: name })
    if (attr.type === 'relationship') {
      throw flavor.error('attribute_type_invalid', { message: `Cannot create an index for a relationship attribute: ${attr.key}` })
    }
    return attr
  })
  const orders = Array.isArray(input.orders) ? (input.orders as Array<string | null>) : []
  const lengths = Array.isArray(input.lengths) ? (input.lengths as Array<number | null>) : []
  if (orders.some((o) => o !== null && o !== 'ASC' && o !== 'DESC')) throw invalidParam('orders', 'Value must be one of (ASC, DESC)')
  const arrayAttr = attrs.find((a) => a?.array)
  if (arrayAttr) throw invalid(flavor, 'Creating indexes on array attributes is not currently supported.')
  const spatial = attrs.filter((a) => a && SPATIAL_TYPES.has(a.type))
  if (type === 'spatial') {
    if (attrs.length !== 1 || spatial.length !== 1) throw invalid(flavor, 'Spatial index can only be created on a single spatial attribute')
    if (!spatial[0]?.required) {
      throw invalid(flavor, `Spatial indexes do not allow null values. Mark the attribute "${spatial[0]?.key}" as required or create the index on a column with no null values.`)
    }
  } else if (spatial.length) {
    throw invalid(flavor, `Cannot create ${type} index on spatial attribute "${spatial[0]?.key}". Spatial attributes require spatial indexes.`)
  }
  if (type === 'fulltext') {
    const bad = attrs.find((a) => !a || !STRING_TYPES.has(a.type))
    if (bad !== undefined || attrs.includes(undefined)) {
      throw invalid(flavor, `Attribute "${bad?.key ?? names.find((n) => SYSTEM_ATTRIBUTES.has(n as string))}" cannot be part of a fulltext index, must be of type string`)
    }
  } else if (indexLength(attrs, lengths) > MAX_LENGTH) {
    throw invalid(flavor, `Index length is longer than the maximum: ${MAX_LENGTH}`)
  }
  return {
    $id: key, key, type: type as IndexRecord['type'], status: 'available', error: '',
    attributes: names as string[], lengths: names.map((_, i) => lengths[i] ?? null),
    orders: names.map((_, i) => orders[i] ?? null), $createdAt: now, $updatedAt: now,
  }
}
