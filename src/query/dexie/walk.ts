import type { Table } from 'dexie'
import { type StoredDocument, keyIn } from './layout.js'
import type { KeyRange } from './plan.js'

export interface PlanStats {
  /** Documents read from IndexedDB to answer the query (the proof that indexed queries do not scan). */
  examined: number
  /** The index used (`:id` is the primary key). */
  index: string
}

/**
 * Reads a key range of an index in batches (IndexedDB's `getAll` with a count), continuing after the last
 * key, until `visit` returns false or the range ends (then it returns true). `batchSize` sizes each read
 * from what is still needed. Keys are unique in every slot walked this way.
 */
export const walkRange = async (
  table: Table<StoredDocument>,
  index: string,
  range: KeyRange,
  reverse: boolean,
  batchSize: () => number,
  stats: PlanStats,
  visit: (doc: StoredDocument) => boolean,
): Promise<boolean> => {
  let { lower, upper, lowerOpen, upperOpen } = range
  let batch = Math.max(1, Math.min(batchSize(), 2000))
  for (;;) {
    let collection = table.where(index).between(lower, upper, !lowerOpen, !upperOpen)
    if (reverse) collection = collection.reverse()
    const items = await collection.limit(batch).toArray()
    stats.examined += items.length
    for (const item of items) if (!visit(item)) return false
    if (items.length < batch) return true
    const last = keyIn(items[items.length - 1], index) as unknown[]
    if (reverse) [upper, upperOpen] = [last, true]
    else [lower, lowerOpen] = [last, true]
    batch = Math.max(1, Math.min(batchSize(), 2000))
  }
}

/** Every record in the ranges, once each. */
export const readRanges = async (
  table: Table<StoredDocument>,
  index: string,
  ranges: readonly KeyRange[],
  stats: PlanStats,
): Promise<StoredDocument[]> => {
  const seen = new Set<number>()
  const out: StoredDocument[] = []
  for (const r of ranges) {
    const items = await table.where(index).between(r.lower, r.upper, !r.lowerOpen, !r.upperOpen).toArray()
    stats.examined += items.length
    for (const item of items) {
      if (seen.has(item.p[1])) continue
      seen.add(item.p[1])
      out.push(item)
    }
  }
  return out
}

export const countRanges = async (table: Table<StoredDocument>, index: string, ranges: readonly KeyRange[]): Promise<number> => {
  let total = 0
  for (const r of ranges) total += await table.where(index).between(r.lower, r.upper, !r.lowerOpen, !r.upperOpen).count()
  return total
}
