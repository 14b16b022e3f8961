import type { ProjectStore } from '../../../store/project-store.js'
import type { RequestContext } from '../../../engine/context.js'
import { invalidParam } from '../../../errors/index.js'
import { DOCUMENTS_STORE, type PlanStats, queryDocuments } from '../../../query/dexie/index.js'
import { type Query, type QueryAttribute, type QueryKind, checkQueriesParam, cursorNotFound, groupQueries, parseQueries, validateQueries } from '../../../query/index.js'
import { checkUid } from '../../common/validators.js'
import { assertListable, mayDocument, readFilter } from '../access.js'
import type { Flavor } from '../flavor.js'
import { loadTarget, readTarget } from '../lookup.js'
import { resolvePathFilters, throughRelationships } from '../relationships/path-filters.js'
import { type CollectionRecord, physicalIndexes } from '../records.js'
import { hasRelations, isManySide } from '../relationships/model.js'
import { renderWithRelations } from '../relationships/read.js'
import { renderDocument } from '../render.js'
import { documentsTable, findDocument } from './store.js'

const plans = new WeakMap<ProjectStore, PlanStats>()

/** How the last document list of a project was answered: the index used and the documents read (tests, bench). */
export const lastQueryPlan = (store: ProjectStore): PlanStats | undefined => plans.get(store)

/** The attributes queries may name: the available ones (encrypted ones are refused by the validator). */
export const queryAttributes = (collection: CollectionRecord): QueryAttribute[] =>
  collection.attributes
    .filter((a) => a.status === 'available')
    // A single relationship side is queried by the related ID it holds; list sides are virtual in Appwrite.
    .map((a) => ({ key: a.key, type: a.type === 'relationship' && !isManySide(a) ? 'string' : a.type, array: a.array, encrypt: a.encrypt }))

/**
 * Validated queries of a document route: its `queries` param, or `parsed` when the caller has them already
 * (filters through relationships turned into `$id` lists, which `maxValues` then lets past the 500 limit).
 */
export const documentQueries = (ctx: RequestContext, collection: CollectionRecord, kinds?: QueryKind[], parsed?: Query[], maxValues?: number) =>
  validateQueries(parsed ?? parseQueries(checkQueriesParam(ctx.params.queries)), {
    attributes: queryAttributes(collection),
    indexes: collection.indexes.map((i) => ({ key: i.key, type: i.type, attributes: i.attributes })),
    kinds,
    maxValues,
  })

/** Get: a document the caller may not read is indistinguishable from a missing one (404). */
export const getDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection, doc, selects } = await readTransaction(ctx, async () => {
    const { collection } = await readTarget(ctx, flavor)
    const id = checkUid(flavor.param.document, ctx.params[flavor.param.document])
    const queries = documentQueries(ctx, collection, ['select'])
    const doc = await findDocument(documentsTable(ctx), collection, id)
    if (!doc || !mayDocument(ctx.caller, collection, doc, 'read')) throw flavor.error('document_not_found', { param: id })
    return { collection, doc, selects: groupQueries(queries).selects }
  })
  // Related documents are read after the planner's transaction has closed.
  if (hasRelations(collection)) return (await renderWithRelations(ctx, flavor, collection, [doc], selects))[0]
  return renderDocument(flavor, collection, doc, selects)
}

/** Schema and documents read in one IndexedDB transaction: one round trip fewer per request. */
const readTransaction = <T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> =>
  ctx.store.db.transaction('r', ['databases', 'collections', DOCUMENTS_STORE], work)

/**
 * Runs validated queries over a collection through its IndexedDB indexes, leaving out what the caller may
 * not read (`permission` decides which permission type selects documents: read for lists, update/delete for
 * bulk writes).
 */
export const findDocuments = async (
  ctx: RequestContext,
  flavor: Flavor,
  collection: CollectionRecord,
  queries: ReturnType<typeof documentQueries>,
  options: { total?: boolean; visible?: (doc: Record<string, unknown>) => boolean; defaultLimit?: number } = {},
) => {
  const stats: PlanStats = { examined: 0, index: '' }
  const result = await queryDocuments({
    table: documentsTable(ctx),
    cid: collection.cid,
    indexes: physicalIndexes(collection),
    queries,
    visible: options.visible,
    total: options.total,
    defaultLimit: options.defaultLimit,
    cursorNotFound: cursorNotFound(flavor.noun),
    stats,
  })
  plans.set(ctx.store, stats)
  return result
}

/** List: filtered by read permission; on a collection the caller cannot read with document security off, 401. */
export const listDocuments = (flavor: Flavor) => async (ctx: RequestContext) => {
  // The list cache (`ttl`, 0–86400 s) is accepted and not used: every list is fresh.
  const ttl = ctx.params.ttl ?? 0
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 86400) {
    throw invalidParam('ttl', 'Value must be a valid range between 0 and 86,400')
  }
  const parsed = parseQueries(checkQueriesParam(ctx.params.queries))
  // Filters through relationships read the related collections first, in transactions of their own; lists
  // without one go straight to their read.
  const resolved = throughRelationships(parsed) ? await resolvePathFilters(ctx, flavor, (await loadTarget(ctx, flavor)).collection, parsed) : undefined
  const { collection, total, records, selects } = await readTransaction(ctx, async () => {
    const { collection } = await readTarget(ctx, flavor)
    assertListable(ctx.caller, collection)
    const queries = documentQueries(ctx, collection, undefined, resolved ?? parsed, resolved && Number.MAX_SAFE_INTEGER)
    const { total, records } = await findDocuments(ctx, flavor, collection, queries, {
      total: ctx.params.total !== false,
      visible: readFilter(ctx.caller, collection),
    })
    return { collection, total, records, selects: groupQueries(queries).selects }
  })
  const documents = hasRelations(collection)
    ? await renderWithRelations(ctx, flavor, collection, records, selects)
    : records.map((d) => renderDocument(flavor, collection, d, selects))
  return { total, [flavor.names.documents]: documents }
}
