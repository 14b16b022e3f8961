import type { RequestContext } from '../../../engine/context.js'
import { DOCUMENTS_STORE } from '../../../query/dexie/index.js'
import type { AttributeRecord, CollectionRecord } from '../records.js'
import { collectionKey } from '../records.js'

export const RELATION_TYPES = ['oneToOne', 'oneToMany', 'manyToOne', 'manyToMany'] as const
export const ON_DELETE = ['cascade', 'restrict', 'setNull'] as const

/** The stores a write touching relationships needs: documents, and collections to find the related ones. */
export const RELATION_STORES = [DOCUMENTS_STORE, 'collections']

/** The stores a document write needs: relationships widen it to read the related collections inside it. */
export const documentStores = (collection: CollectionRecord): string[] => (hasRelations(collection) ? RELATION_STORES : [DOCUMENTS_STORE])

/** `RELATION_MAX_DEPTH`: nested writes and reads go three levels deep, no further. */
export const MAX_DEPTH = 3

/** Every relationship side a collection's documents hold: its attributes and the hidden one-way child sides. */
export const relationsOf = (collection: CollectionRecord): AttributeRecord[] => [
  ...collection.attributes.filter((a) => a.type === 'relationship' && a.status === 'available'),
  ...(collection.relations ?? []),
]

export const hasRelations = (collection: CollectionRecord): boolean => relationsOf(collection).length > 0

/** Whether this side links to many documents (a list) rather than one (an ID or null). */
export const isManySide = (attr: AttributeRecord): boolean => {
  switch (attr.relationType) {
    case 'manyToMany':
      return true
    case 'oneToMany':
      return attr.side === 'parent'
    case 'manyToOne':
      return attr.side === 'child'
    default:
      return false
  }
}

/** The field a one-way relationship keeps its links back in, on the related (child) documents. */
export const hiddenField = (parentCollectionId: string, key: string) => `~${parentCollectionId}.${key}`

/** The IDs a document links to on one side (stored as an ID or a list). */
export const linksOf = (doc: Record<string, unknown> | undefined, field: string): string[] => {
  const value = doc?.[field]
  if (Array.isArray(value)) return value as string[]
  return typeof value === 'string' ? [value] : []
}

const memos = new WeakMap<RequestContext, Map<string, CollectionRecord | undefined>>()

/** The related collection of a side (read once per request). */
export const relatedCollection = async (ctx: RequestContext, collection: CollectionRecord, attr: AttributeRecord): Promise<CollectionRecord | undefined> => {
  const key = collectionKey(collection.databaseId, String(attr.relatedCollection))
  if (key === collection.k) return collection
  const memo = memos.get(ctx) ?? new Map<string, CollectionRecord | undefined>()
  memos.set(ctx, memo)
  if (!memo.has(key)) memo.set(key, (await ctx.store.db.table('collections').get(key)) as CollectionRecord | undefined)
  return memo.get(key)
}
