import Dexie from 'dexie'
import type { RequestContext } from '../../../engine/context.js'
import { DOCUMENTS_STORE, type StoredDocument, collectionRange, toStored } from '../../../query/dexie/index.js'
import type { Flavor } from '../flavor.js'
import { type CollectionRecord, physicalIndexes } from '../records.js'
import { reserveSequences, settleSequences } from './sequences.js'
import { type Doc, announceDocument, documentEvent, isConstraintError, nextSequence, saveDocuments } from './store.js'

/** The reserved sequences were not the store's next ones: the write is undone and done again reading them. */
class StaleSequences extends Error {}

/**
 * The quick way: sequences reserved in memory, records and events made before the transaction, then the records
 * added as soon as it opens, next to one read of the last stored sequence that checks the reservation.
 */
const insertReserved = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, docs: Doc[], first: number, action: string) => {
  for (const [i, doc] of docs.entries()) doc.$sequence = first + i
  const indexes = physicalIndexes(collection)
  const rows = docs.map((doc) => toStored(collection.cid, doc, indexes))
  const events = docs.map((doc) => documentEvent(ctx, flavor, collection, doc, action))
  const [lower, upper] = collectionRange(collection.cid)
  return ctx.store.write(
    async (w) => {
      // Requests run in order: the read sees the store as it was before these records.
      const last = w.table<StoredDocument>(DOCUMENTS_STORE).where(':id').between(lower, upper, true, true).last()
      const failure = w.bulkAdd(DOCUMENTS_STORE, rows).then(() => null, (error: unknown) => error)
      // One await for both: awaiting them one after the other can let the transaction commit in between.
      const [stored, error] = (await Promise.all([last, failure])) as [StoredDocument | undefined, unknown]
      if ((stored?.p[1] ?? 0) + 1 !== first) throw new StaleSequences()
      if (error) throw isConstraintError(error) ? flavor.error('document_unique_constraint_violation') : error
      for (const event of events) w.emit(event)
    },
    { stores: [DOCUMENTS_STORE] },
  )
}

/** The sure way: the last stored sequence read inside the write, then the documents written after it. */
const insertRead = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, docs: Doc[], action: string) =>
  ctx.store.write(
    async (w) => {
      let seq = await nextSequence(w, collection.cid)
      for (const doc of docs) doc.$sequence = seq++
      await saveDocuments(w, flavor, collection, docs)
      for (const doc of docs) announceDocument(w, ctx, flavor, collection, doc, action)
      settleSequences(ctx.store.db, collection.cid, seq - 1)
    },
    { stores: [DOCUMENTS_STORE] },
  )

/**
 * Writes new documents with the next `$sequence` numbers of their collection (the highest stored, plus one) and
 * queues their events. Inside another write (which cannot be redone alone) the sequence is always read.
 */
export const writeNewDocuments = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, docs: Doc[], action: string) => {
  const first = Dexie.currentTransaction ? undefined : reserveSequences(ctx.store.db, collection.cid, docs.length)
  if (first !== undefined) {
    try {
      return await insertReserved(ctx, flavor, collection, docs, first, action)
    } catch (error) {
      if (!(error instanceof StaleSequences)) throw error
    }
  }
  await insertRead(ctx, flavor, collection, docs, action)
}
