import { DOCUMENTS_STORE, type PhysicalIndex, freeSlot, slotKey } from '../../../query/dexie/index.js'
import type { Writer } from '../../../store/write-path.js'
import { collectionDocuments } from '../collection-data.js'
import type { CollectionRecord, IndexRecord } from '../records.js'

/**
 * Makes an index real: gives it a free IndexedDB slot of its kind and writes its key into every existing
 * document. A unique index over existing duplicates fails (status `failed`), as Appwrite's index worker
 * reports it. Spatial indexes, and indexes beyond the slots, stay logical: their queries are filtered in memory.
 */
export const placeIndex = async (w: Writer, collection: CollectionRecord, index: IndexRecord): Promise<IndexRecord> => {
  if (index.type === 'spatial') return index
  const taken = new Set(collection.indexes.map((i) => i.slot).filter((s): s is string => !!s))
  const slot = freeSlot(index.type, taken)
  if (!slot) return index
  const physical: PhysicalIndex = { slot, type: index.type as PhysicalIndex['type'], attributes: index.attributes }
  const stored = await collectionDocuments(w, collection.cid)
  const keys = stored.map((row) => slotKey(collection.cid, row.d, physical))
  if (index.type === 'unique') {
    const seen = new Set<string>()
    for (const key of keys) {
      if (key === undefined) continue
      const text = JSON.stringify(key)
      if (seen.has(text)) return { ...index, status: 'failed', error: 'Duplicate entry found for the unique index.' }
      seen.add(text)
    }
  }
  const rows = stored.flatMap((row, i) => (keys[i] === undefined ? [] : [{ ...row, [slot]: keys[i] }]))
  for (let i = 0; i < rows.length; i += 1000) await w.bulkPut(DOCUMENTS_STORE, rows.slice(i, i + 1000))
  return { ...index, slot }
}
