import type { Table } from 'dexie'
import type { RequestContext } from '../../../engine/context.js'
import { collationKey } from '../../../query/collation.js'
import { DOCUMENTS_STORE, type StoredDocument, collectionRange, toStored } from '../../../query/dexie/index.js'
import type { Writer } from '../../../store/write-path.js'
import { readRolesOf } from '../access.js'
import type { Flavor } from '../flavor.js'
import { type CollectionRecord, physicalIndexes } from '../records.js'
import { renderDocument } from '../render.js'

export type Doc = Record<string, unknown>

export const documentsTable = (ctx: RequestContext): Table<StoredDocument> => ctx.store.db.table(DOCUMENTS_STORE)

/** A document by ID (case-insensitively, as Appwrite finds it), ignoring permissions. */
export const findDocument = async (table: Table<StoredDocument>, collection: CollectionRecord, id: string): Promise<Doc | undefined> =>
  (await table.where('k').equals([collection.cid, collationKey(id)]).first())?.d

/** Which of `ids` exist in the collection already (one index query for a whole batch). */
export const existingIds = async (table: Table<StoredDocument>, collection: CollectionRecord, ids: string[]): Promise<string[]> => {
  const keys = ids.map((id) => [collection.cid, collationKey(id)])
  const found = await table.where('k').anyOf(keys).toArray()
  return found.map((row) => String(row.d.$id))
}

/** The next `$sequence` of a collection: one past the highest stored. */
export const nextSequence = async (w: Writer, cid: number): Promise<number> => {
  const [lower, upper] = collectionRange(cid)
  const last = (await w.table<StoredDocument>(DOCUMENTS_STORE).where(':id').between(lower, upper, true, true).last()) as StoredDocument | undefined
  return (last?.p[1] ?? 0) + 1
}

export const isConstraintError = (error: unknown): boolean => {
  const e = error as { name?: string; failures?: Array<{ name?: string }>; inner?: { name?: string } }
  return e?.name === 'ConstraintError' || e?.inner?.name === 'ConstraintError' || !!e?.failures?.some((f) => f?.name === 'ConstraintError')
}

/**
 * Writes documents with their index keys. A unique index collision (IndexedDB's ConstraintError on a `u`
 * slot) is Appwrite's 409 `document_unique_constraint_violation`.
 */
export const saveDocuments = async (w: Writer, flavor: Flavor, collection: CollectionRecord, docs: Doc[]): Promise<void> => {
  const indexes = physicalIndexes(collection)
  const rows = docs.map((d) => toStored(collection.cid, d, indexes))
  try {
    if (rows.length === 1) await w.put(DOCUMENTS_STORE, rows[0])
    else await w.bulkPut(DOCUMENTS_STORE, rows)
  } catch (error) {
    if (isConstraintError(error)) throw flavor.error('document_unique_constraint_violation')
    throw error
  }
}

export const deleteDocuments = (w: Writer, collection: CollectionRecord, docs: Doc[]): Promise<void> =>
  w.bulkDelete(DOCUMENTS_STORE, docs.map((d) => [collection.cid, d.$sequence]))

/** The event `databases.<db>.collections.<c>.documents.<id>.<action>` (tables/rows for TablesDB). */
export const documentEvent = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, doc: Doc, action: string) =>
  ctx.event(
    [`databases.${collection.databaseId}.${flavor.names.collections}.${collection.$id}.${flavor.names.documents}.${doc.$id}.${action}`],
    flavor.models.document,
    renderDocument(flavor, collection, doc),
    readRolesOf(collection, doc),
  )

/** Queues the document's event (see `documentEvent`). */
export const announceDocument = (w: Writer, ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, doc: Doc, action: string) =>
  w.emit(documentEvent(ctx, flavor, collection, doc, action))
