/**
 * Appwrite's queries: parse the SDK's JSON query strings, validate them against a list of attributes, and
 * answer them in memory (small stores) or through IndexedDB indexes (the Dexie planner, for collections).
 * @example
 * import { parseQueries, validateQueries, evaluateQueries, groupQueries } from '../../query/index.js'
 * const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
 *   attributes: [{ key: 'name', type: 'string' }, { key: 'email', type: 'string' }],
 *   kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
 * })
 * const { total, records } = evaluateQueries(allUsers, queries, { total: ctx.params.total !== false })
 */
export { checkQueriesParam, parseQueries, parseQuery, queryInvalid } from './parse.js'
export { validateQueries, DOCUMENT_SYSTEM_ATTRIBUTES, type QueryRules, type QueryKind } from './validate.js'
export { evaluateQueries, cursorNotFound, orderNullError, type EvaluateOptions, type Evaluated } from './evaluate.js'
export { groupQueries, fullOrder, type GroupedQueries, type OrderKey } from './group.js'
export { matchesFilter, matchesAll, type ReadValue } from './match.js'
export { compareValues, collationKey } from './collation.js'
export { searchMatches, tokenize } from './fulltext.js'
export { parseDatetime, normalizeQueryValue } from './values.js'
export type { Query, QueryAttribute, QueryIndex } from './types.js'
