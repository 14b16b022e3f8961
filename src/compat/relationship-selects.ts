import type { RequestContext } from '../engine/context.js'
import { compareVersions } from '../formats/versions.js'
import { type CollectionRecord, collectionKey } from '../services/databases/records.js'
import { MAX_DEPTH } from '../services/databases/relationships/model.js'

const ROUTES = new Set(['databasesGetDocument', 'databasesListDocuments'])

/** `rel.*` for every relationship, nested ones as `rel.sub.*`, three levels deep, never back into a collection on the path. */
const relationshipPaths = async (ctx: RequestContext, databaseId: string, collectionId: string, prefix = '', depth = 1, path: string[] = []): Promise<string[]> => {
  if (depth > MAX_DEPTH || path.includes(collectionId)) return []
  const collection = (await ctx.store.db.table('collections').get(collectionKey(databaseId, collectionId))) as CollectionRecord | undefined
  if (!collection) return []
  const visited = [...path, collectionId]
  const out: string[] = []
  for (const attr of collection.attributes) {
    if (attr.type !== 'relationship' || attr.status !== 'available' || !attr.relatedCollection || visited.includes(attr.relatedCollection)) continue
    const key = prefix ? `${prefix}.${attr.key}` : attr.key
    out.push(`${key}.*`, ...(await relationshipPaths(ctx, databaseId, attr.relatedCollection, key, depth + 1, visited)))
  }
  return [...new Set(out)]
}

const isSelect = (query: unknown): query is string => typeof query === 'string' && /"method"\s*:\s*"select"/.test(query)

/**
 * Clients before 1.8 got related documents with every get and list; 1.8 loads them only when selected.
 * For those clients, a request with no select (or a `*` one) selects `*` and every relationship, as
 * Appwrite's request filter V20 does.
 */
export const selectRelationshipsForOldClients = async (ctx: RequestContext): Promise<void> => {
  if (!ROUTES.has(ctx.route.operationId) || compareVersions(ctx.format, '1.8.0') >= 0) return
  const queries = Array.isArray(ctx.params.queries) ? (ctx.params.queries as unknown[]).filter((q) => q !== '' && q !== null) : []
  const selects = queries.filter(isSelect)
  const wildcard = selects.length === 0 || selects.some((q) => (JSON.parse(q).values as unknown[]).includes('*'))
  if (!wildcard || typeof ctx.params.databaseId !== 'string' || typeof ctx.params.collectionId !== 'string') return
  const paths = await relationshipPaths(ctx, ctx.params.databaseId, ctx.params.collectionId)
  if (paths.length === 0) return
  const rest = queries.filter((q) => !isSelect(q))
  ctx.params = { ...ctx.params, queries: [...rest, JSON.stringify({ method: 'select', values: ['*', ...paths] })] }
}
