import { collationKey } from '../collation.js'
import { tokenize } from '../fulltext.js'

/**
 * How documents of every collection live in IndexedDB: ONE object store, `documents`, whose indexes are
 * fixed slots that each collection's Appwrite indexes are assigned to. Every index key starts with the
 * collection's internal number, so an index range never leaves its collection and no index is shared in
 * practice. Keys are computed when a document is written:
 *
 * | field | IndexedDB index | key |
 * |---|---|---|
 * | `p`  | primary key | `[cid, $sequence]` — insertion order, the default list order |
 * | `k`  | unique | `[cid, $id]` — IDs are unique case-insensitively (collation key) |
 * | `xc`, `xu` | key | `[cid, $createdAt, $sequence]`, `[cid, $updatedAt, $sequence]` |
 * | `x0`…`x23` | key | `[cid, v1, …, vn, $sequence]` for a `key` index on n attributes |
 * | `u0`…`u7` | unique | `[cid, v1, …, vn]`, left out when a value is NULL (NULLs never collide) |
 * | `t0`…`t3` | multi-entry | `[cid, word]` for every word of a `fulltext` attribute |
 *
 * Values are encoded so IndexedDB's key order is Appwrite's order: NULL → `-Infinity` (first ascending, as
 * MariaDB), booleans → 0/1, strings → their collation key (case- and accent-insensitive), dates as stored.
 * @note Fixed slots instead of a store per collection: adding stores means a version change, which closes the
 * database under running requests and blocks other tabs; slots need none, ever.
 */
export const DOCUMENTS_STORE = 'documents'
export const KEY_SLOTS = 24
export const UNIQUE_SLOTS = 8
export const TEXT_SLOTS = 4

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

export const documentsSchema = [
  'p',
  '&k',
  'xc',
  'xu',
  ...range('x', KEY_SLOTS),
  ...range('&u', UNIQUE_SLOTS),
  ...range('*t', TEXT_SLOTS),
].join(', ')

/** A document as stored: the Appwrite document in `d`, and its computed keys. */
export interface StoredDocument {
  p: [number, number]
  k: [number, string]
  xc: unknown[]
  xu: unknown[]
  d: Record<string, unknown>
  [slot: string]: unknown
}

/** An Appwrite index as placed in a slot (`x3`, `u0`, `t1`); `xc`/`xu` are the built-in timestamp indexes. */
export interface PhysicalIndex {
  slot: string
  type: 'key' | 'unique' | 'fulltext'
  attributes: string[]
}

export const SYSTEM_INDEXES: readonly PhysicalIndex[] = [
  { slot: 'k', type: 'unique', attributes: ['$id'] },
  { slot: 'xc', type: 'key', attributes: ['$createdAt'] },
  { slot: 'xu', type: 'key', attributes: ['$updatedAt'] },
]

/** One value as an IndexedDB key component, ordered and compared as Appwrite does. */
export const encodeKey = (value: unknown): number | string => {
  if (value === null || value === undefined) return Number.NEGATIVE_INFINITY
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string') return collationKey(value)
  return JSON.stringify(value)
}

/** Sorts above every encoded value: the open end of a key prefix. */
export const ABOVE: unknown[] = []

/** The free slot of the kind an index type needs, or `undefined` when all are taken. */
export const freeSlot = (type: string, taken: ReadonlySet<string>): string | undefined => {
  const [prefix, n] = type === 'unique' ? ['u', UNIQUE_SLOTS] : type === 'fulltext' ? ['t', TEXT_SLOTS] : ['x', KEY_SLOTS]
  return range(prefix, n).find((slot) => !taken.has(slot))
}

/** The key a document has in one slot (`undefined`: not in that index). */
export const slotKey = (cid: number, doc: Record<string, unknown>, index: PhysicalIndex): unknown => {
  const seq = doc.$sequence as number
  const values = index.attributes.map((a) => doc[a])
  if (index.type === 'fulltext') {
    const words = new Set(values.flatMap((v) => (typeof v === 'string' ? tokenize(v) : [])))
    return words.size ? [...words].map((w) => [cid, w]) : undefined
  }
  if (index.type === 'unique') {
    return values.some((v) => v === null || v === undefined) ? undefined : [cid, ...values.map(encodeKey)]
  }
  return [cid, ...values.map(encodeKey), seq]
}

/** The stored form of a document of collection `cid`, with a key for every index it is in. */
export const toStored = (cid: number, doc: Record<string, unknown>, indexes: readonly PhysicalIndex[]): StoredDocument => {
  const seq = doc.$sequence as number
  const stored: StoredDocument = {
    p: [cid, seq],
    k: [cid, collationKey(String(doc.$id))],
    xc: [],
    xu: [],
    d: doc,
  }
  for (const index of [...SYSTEM_INDEXES, ...indexes]) {
    const key = slotKey(cid, doc, index)
    if (key !== undefined) stored[index.slot] = key
  }
  return stored
}

/** The key of a stored document in an index (`:id` is the primary key). */
export const keyIn = (stored: StoredDocument, index: string): unknown => (index === ':id' ? stored.p : stored[index])

/** The whole key range of one collection in the primary key or the `k` index. */
export const collectionRange = (cid: number): [unknown[], unknown[]] => [[cid], [cid, ABOVE]]
