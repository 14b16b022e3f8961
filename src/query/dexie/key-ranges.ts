import { cmp as compareKeys } from 'dexie'
import { likeKey } from '../collation.js'
import type { Query } from '../types.js'
import { ABOVE, encodeKey } from './layout.js'

/** A key range of an index (IndexedDB's `IDBKeyRange.bound`, as plain data). */
export interface KeyRange {
  lower: unknown[]
  upper: unknown[]
  lowerOpen: boolean
  upperOpen: boolean
}

/** Filters a key range can answer on the next key component. */
export const RANGE_METHODS = new Set(['lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'between', 'startsWith'])

/** Bounds on one key component from range filters, as `[value, open]` pairs (tightest wins). */
export const rangeBounds = (filters: Query[], prefix: unknown[]): KeyRange => {
  let lower: unknown[] = [...prefix, Number.NEGATIVE_INFINITY, ABOVE] // excludes NULL (-Infinity)
  let upper: unknown[] = [...prefix, ABOVE]
  let lowerOpen = true
  let upperOpen = false
  const raise = (key: unknown[], open: boolean) => {
    if (compareKeys(key, lower) > 0 || (compareKeys(key, lower) === 0 && open)) [lower, lowerOpen] = [key, open]
  }
  const cap = (key: unknown[], open: boolean) => {
    if (compareKeys(key, upper) < 0 || (compareKeys(key, upper) === 0 && open)) [upper, upperOpen] = [key, open]
  }
  for (const f of filters) {
    const [a, b] = f.values.map(encodeKey)
    switch (f.method) {
      case 'greaterThan': raise([...prefix, a, ABOVE], true); break
      case 'greaterThanEqual': raise([...prefix, a], false); break
      case 'lessThan': cap([...prefix, a], true); break
      case 'lessThanEqual': cap([...prefix, a, ABOVE], false); break
      case 'between': raise([...prefix, a], false); cap([...prefix, b, ABOVE], false); break
      case 'startsWith': {
        const text = String(f.values[0])
        raise([...prefix, encodeKey(text)], false)
        cap([...prefix, `${likeKey(text)}\uffff`], false)
        break
      }
    }
  }
  return { lower, upper, lowerOpen, upperOpen }
}

/** Every key that starts with `key`. */
export const pointRange = (key: unknown[]): KeyRange => ({ lower: key, upper: [...key, ABOVE], lowerOpen: false, upperOpen: false })

