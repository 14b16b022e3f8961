import type { Doc } from '../documents/store.js'
import type { Flavor } from '../flavor.js'
import type { CollectionRecord } from '../records.js'
import { applyOperator } from './apply.js'
import type { Operation } from './methods.js'
import { splitOperators } from './parse.js'
import { assertOperators } from './validate.js'

export { splitOperators } from './parse.js'
export type { Operation } from './methods.js'

/** Relationship keys never carry operators here (Appwrite skips them when decoding). */
export const relationshipKeys = (collection: CollectionRecord): Set<string> =>
  new Set(collection.attributes.filter((a) => a.type === 'relationship').map((a) => a.key))

/**
 * Checks the operators against the document as stored now and returns the values they produce. Call it with
 * the document read inside the same write that saves the result, so concurrent operators never lose updates.
 */
export const operatorResults = (flavor: Flavor, collection: CollectionRecord, operators: Map<string, Operation>, doc: Doc, now: Date): Doc => {
  assertOperators(flavor, collection.attributes, operators, doc)
  const out: Doc = {}
  for (const [key, op] of operators) {
    const attr = collection.attributes.find((a) => a.key === key)
    if (attr) out[key] = applyOperator(attr, op, doc[key], now)
  }
  return out
}

/** Splits `data` of a write into plain values and operators (see `splitOperators`). */
export const readOperators = (collection: CollectionRecord, data: Doc) => splitOperators(data, relationshipKeys(collection))
