import type { PhysicalIndex } from '../../query/dexie/index.js'

/** A database as stored. `k` is its ID's lookup key (IDs are unique case-insensitively). */
export interface DatabaseRecord {
  k: string
  $id: string
  $createdAt: string
  $updatedAt: string
  name: string
  enabled: boolean
  /** `legacy` when made through /databases, `tablesdb` through /tablesdb; both APIs serve both. */
  type: 'legacy' | 'tablesdb'
}

/** An attribute (column) as stored, with Appwrite's field names. */
export interface AttributeRecord {
  key: string
  /** `string`, `varchar`, `text`, `mediumtext`, `longtext`, `integer`, `bigint`, `double`, `boolean`, `datetime`, `point`, `linestring`, `polygon`. */
  type: string
  status: 'available' | 'processing' | 'deleting' | 'failed'
  error: string
  required: boolean
  array: boolean
  $createdAt: string
  $updatedAt: string
  size?: number
  min?: number | bigint
  max?: number | bigint
  default?: unknown
  /** `email`, `url`, `ip`, `enum`, `datetime`, or none. */
  format?: string
  elements?: string[]
  encrypt?: boolean
  /** Relationship attributes: the other collection's ID, as Appwrite's model names it. */
  relatedCollection?: string
  relationType?: 'oneToOne' | 'oneToMany' | 'manyToOne' | 'manyToMany'
  twoWay?: boolean
  twoWayKey?: string
  onDelete?: 'cascade' | 'restrict' | 'setNull'
  side?: 'parent' | 'child'
  /** The field of the related documents that links back here (`twoWayKey`, or a hidden field for one-way). */
  inverse?: string
}

export interface IndexRecord {
  $id: string
  key: string
  type: 'key' | 'unique' | 'fulltext' | 'spatial'
  status: 'available' | 'processing' | 'failed'
  error: string
  attributes: string[]
  lengths: Array<number | null>
  orders: Array<string | null>
  $createdAt: string
  $updatedAt: string
  /** The IndexedDB slot answering it (`x3`, `u0`, `t1`); none when every slot of its kind is taken. */
  slot?: string
}

/** A collection (table) as stored: its schema travels with it, so one read gives a request all it needs. */
export interface CollectionRecord {
  /** `<database key>/<collection key>`. */
  k: string
  databaseKey: string
  databaseId: string
  /** The collection's number in every key of the `documents` store. */
  cid: number
  $id: string
  $createdAt: string
  $updatedAt: string
  $permissions: string[]
  name: string
  enabled: boolean
  documentSecurity: boolean
  attributes: AttributeRecord[]
  indexes: IndexRecord[]
  /**
   * The child sides of one-way relationships that point here: not attributes of this collection in Appwrite's
   * API, but its documents keep the links back in these hidden fields (so deletes and re-links never scan).
   */
  relations?: AttributeRecord[]
}

/** IDs are unique and found case-insensitively (MariaDB's collation on `_uid`). */
export const idKey = (id: string): string => id.toLowerCase()

export const collectionKey = (databaseId: string, collectionId: string) => `${idKey(databaseId)}/${idKey(collectionId)}`

/** The slots of a collection's available indexes, as the planner and the key writer see them. */
export const physicalIndexes = (collection: CollectionRecord): PhysicalIndex[] =>
  collection.indexes
    .filter((i) => i.slot && i.status === 'available')
    .map((i) => ({ slot: i.slot as string, type: i.type as PhysicalIndex['type'], attributes: i.attributes }))
