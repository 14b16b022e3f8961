import { shapeModel } from '../../formats/index.js'
import type { Flavor } from './flavor.js'
import { isManySide } from './relationships/model.js'
import type { AttributeRecord, CollectionRecord, DatabaseRecord, IndexRecord } from './records.js'

const SHAPE = { showSensitive: true }

const MODEL_BY_FORMAT: Record<string, string> = { email: 'Email', url: 'Url', ip: 'Ip', enum: 'Enum' }
const MODEL_BY_TYPE: Record<string, string> = {
  string: 'String', varchar: 'Varchar', text: 'Text', mediumtext: 'Mediumtext', longtext: 'Longtext',
  integer: 'Integer', bigint: 'Bigint', double: 'Float', boolean: 'Boolean', datetime: 'Datetime',
  point: 'Point', linestring: 'Line', polygon: 'Polygon', relationship: 'Relationship',
}

/** The response model of an attribute: `attributeEmail`, `columnInteger`, … */
export const attributeModel = (flavor: Flavor, attr: AttributeRecord): string =>
  flavor.models.attributePrefix + (MODEL_BY_FORMAT[attr.format ?? ''] ?? MODEL_BY_TYPE[attr.type] ?? 'String')

export const renderAttribute = (flavor: Flavor, attr: AttributeRecord) => {
  const view: Record<string, unknown> = { ...attr, default: attr.default ?? null }
  if (attr.type === 'datetime') view.format = 'datetime'
  if (attr.type === 'relationship') view.relatedTable = attr.relatedCollection
  return shapeModel(attributeModel(flavor, attr), view, SHAPE)
}

export const renderIndex = (flavor: Flavor, index: IndexRecord) => {
  const { slot: _slot, attributes, ...rest } = index
  return shapeModel(flavor.models.index, { ...rest, [flavor.param.attributes]: attributes }, SHAPE)
}

/** Appwrite's row-width estimate (SQL adapter `getAttributeWidth`), reported as `bytesUsed`. */
export const attributeWidth = (attr: AttributeRecord): number => {
  if (attr.array) return 20
  switch (attr.type) {
    case 'string':
    case 'varchar': {
      const size = attr.size ?? 0
      if (size > 16381) return 20
      return size * 4 + (size * 4 > 255 ? 2 : 1)
    }
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return 20
    case 'integer':
      return attr.size === 4 ? 4 : 8
    case 'bigint':
    case 'double':
      return 8
    case 'boolean':
      return 1
    case 'datetime':
      return 7
    default:
      return 20
  }
}

export const ROW_WIDTH_BASE = 1067
export const ROW_WIDTH_MAX = 65535

export const renderCollection = (flavor: Flavor, collection: CollectionRecord) => ({
  $id: collection.$id,
  $createdAt: collection.$createdAt,
  $updatedAt: collection.$updatedAt,
  $permissions: collection.$permissions,
  databaseId: collection.databaseId,
  name: collection.name,
  enabled: collection.enabled,
  [flavor.security]: collection.documentSecurity,
  [flavor.param.attributes]: collection.attributes.map((a) => renderAttribute(flavor, a)),
  indexes: collection.indexes.map((i) => renderIndex(flavor, i)),
  bytesMax: ROW_WIDTH_MAX,
  bytesUsed: collection.attributes.reduce((sum, a) => sum + attributeWidth(a), ROW_WIDTH_BASE),
})

export const renderDatabase = (database: DatabaseRecord) => {
  const { k: _k, ...rest } = database
  return rest
}

/**
 * A document as Appwrite returns it: the `$` fields (`$sequence` as a string), then every attribute — unset
 * ones as `null`, unset arrays as `[]` — or only the selected ones.
 */
export const renderDocument = (
  flavor: Flavor,
  collection: CollectionRecord,
  doc: Record<string, unknown>,
  selects?: readonly string[],
): Record<string, unknown> => {
  const out: Record<string, unknown> = {
    $id: doc.$id,
    $sequence: String(doc.$sequence),
    [flavor.collectionField]: collection.$id,
    $databaseId: collection.databaseId,
    $createdAt: doc.$createdAt,
    $updatedAt: doc.$updatedAt,
    $permissions: doc.$permissions ?? [],
  }
  const all = !selects || selects.includes('*')
  for (const attr of collection.attributes) {
    if (attr.status !== 'available' || (!all && !selects.includes(attr.key))) continue
    const value = doc[attr.key]
    if (attr.type === 'relationship') {
      // Unloaded, a side holding one link shows the related ID (its foreign key); a list side is left out.
      if (!isManySide(attr)) out[attr.key] = typeof value === 'string' ? value : null
      continue
    }
    out[attr.key] = value === undefined || value === null ? (attr.array ? [] : null) : value
  }
  return out
}
