import type { RequestContext } from '../../engine/context.js'
import { cursorNotFound, evaluateQueries, parseQueries, type QueryAttribute, searchMatches, validateQueries } from '../../query/index.js'

const SCHEMA_SYSTEM: QueryAttribute[] = [
  { key: '$id', type: 'string' },
  { key: '$createdAt', type: 'datetime' },
  { key: '$updatedAt', type: 'datetime' },
]

/**
 * Lists schema records (databases, collections, attributes, indexes) with the route's `queries`, `search`
 * and `total`, answered in memory: schema lists are small.
 */
export const listSchema = <T extends object>(
  ctx: RequestContext,
  records: T[],
  attributes: QueryAttribute[],
  noun: string,
  searchText?: (record: T) => string,
) => {
  const queries = validateQueries(parseQueries(ctx.params.queries as unknown[] | undefined), {
    attributes,
    system: SCHEMA_SYSTEM,
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const search = typeof ctx.params.search === 'string' ? ctx.params.search.trim() : ''
  const pool = search && searchText ? records.filter((r) => searchMatches(searchText(r), search)) : records
  const created = (r: T) => String((r as Record<string, unknown>).$createdAt)
  const sorted = [...pool].sort((a, b) => created(a).localeCompare(created(b)))
  return evaluateQueries(sorted, queries, {
    total: ctx.params.total !== false,
    cursorNotFound: cursorNotFound(noun),
  })
}
