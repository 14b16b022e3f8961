import { DOCUMENTS_STORE, type PhysicalIndex, type StoredDocument, collectionRange, slotKey } from '../../query/dexie/index.js'
import type { Writer } from '../../store/write-path.js'

/** Every stored document of a collection, in `$sequence` order. */
export const collectionDocuments = (w: Writer, cid: number): Promise<StoredDocument[]> => {
  const [lower, upper] = collectionRange(cid)
  return w.table<StoredDocument>(DOCUMENTS_STORE).where(':id').between(lower, upper, true, true).toArray()
}

/** Deletes every document of a collection (a key range of the primary key). */
export const deleteCollectionData = async (w: Writer, cid: number): Promise<void> => {
  const [lower, upper] = collectionRange(cid)
  const keys = await w.table(DOCUMENTS_STORE).where(':id').between(lower, upper, true, true).primaryKeys()
  await w.bulkDelete(DOCUMENTS_STORE, keys)
}

/**
 * Rewrites every document of a collection: `change` edits the document (attribute removed or renamed) or
 * returns it as is; the keys of `slot` are recomputed (an index added or removed).
 */
export const rewriteCollection = async (
  w: Writer,
  cid: number,
  change: (doc: Record<string, unknown>) => Record<string, unknown>,
  slots: { add?: PhysicalIndex; remove?: string } = {},
): Promise<void> => {
  const stored = await collectionDocuments(w, cid)
  const next = stored.map((row) => {
    const doc = change(row.d)
    const out: StoredDocument = { ...row, d: doc }
    if (slots.remove) delete out[slots.remove]
    if (slots.add) {
      const key = slotKey(cid, doc, slots.add)
      if (key === undefined) delete out[slots.add.slot]
      else out[slots.add.slot] = key
    }
    return out
  })
  for (let i = 0; i < next.length; i += 1000) await w.bulkPut(DOCUMENTS_STORE, next.slice(i, i + 1000))
}
