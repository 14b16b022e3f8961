import type Dexie from 'dexie'

/**
 * `$sequence` numbers handed out before an insert's write starts, so the insert can send its records the moment
 * its transaction opens instead of first reading the collection's last sequence: during that round trip no
 * other write of the documents store may run, and inserts queue one behind the other.
 * Memory only, and only a guess: the write checks it against the last stored sequence and, when they differ
 * (after a failed insert, a delete of the newest documents, a reset, another engine on the same database), is
 * done again reading it, so every document gets exactly the sequence reading would give it.
 */
const next = new WeakMap<Dexie, Map<number, number>>()

const sequencesOf = (db: Dexie): Map<number, number> => {
  let map = next.get(db)
  if (!map) {
    map = new Map()
    next.set(db, map)
  }
  return map
}

/** The first of `count` sequences reserved for collection `cid`; `undefined` while none is known. */
export const reserveSequences = (db: Dexie, cid: number, count: number): number | undefined => {
  const map = sequencesOf(db)
  const first = map.get(cid)
  if (first !== undefined) map.set(cid, first + count)
  return first
}

/** What a write that read the store found: `last` is the highest sequence of the collection now. */
export const settleSequences = (db: Dexie, cid: number, last: number): void => {
  sequencesOf(db).set(cid, last + 1)
}
