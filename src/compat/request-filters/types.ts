import type { Params } from '../../engine/read-params.js'

/**
 * An upgrade step for requests: for clients whose format is below `below`, rewrite the params of the named
 * operations into what the newer API expects. Applied oldest first, as Appwrite's `Request/Filters/V*` are.
 */
export interface RequestFilter {
  below: string
  /** By operationId (Appwrite's `namespace.method` label, camel-cased: `databases.listDocuments` → `databasesListDocuments`). */
  operations: Record<string, (params: Params) => Params>
}

export const without = (params: Params, ...keys: string[]): Params => {
  const out = { ...params }
  for (const key of keys) delete out[key]
  return out
}
