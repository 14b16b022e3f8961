import type { RequestContext } from '../../../engine/context.js'
import type { Query } from '../../../query/index.js'
import { isFilter } from '../../../query/types.js'
import { readFilter } from '../access.js'
import { documentQueries, findDocuments } from '../documents/read.js'
import type { Flavor } from '../flavor.js'
import type { CollectionRecord } from '../records.js'
import { MAX_DEPTH, linksOf, relatedCollection } from './model.js'

/** An `$id` no document has: a path filter that matches no related document matches nothing. */
const NO_MATCH = ''

/**
 * The IDs of `collection`'s documents whose relationship `top` leads to a related document matching `query`
 * (on the rest of the path, itself possibly through further relationships). Found from the related side: the
 * matching related documents (those the caller may read), then the links back they hold.
 */
const matchThrough = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, query: Query, depth: number): Promise<Query> => {
  const [top, ...rest] = query.attribute.split('.')
  const attr = collection.attributes.find((a) => a.key === top && a.type === 'relationship' && a.status === 'available')
  const related = attr && (await relatedCollection(ctx, collection, attr))
  if (!attr || !related || depth > MAX_DEPTH) return query
  const [inner] = await resolveAll(ctx, flavor, related, [{ ...query, attribute: rest.join('.') }], depth + 1)
  const queries = documentQueries(ctx, related, ['filter'], [inner], Number.MAX_SAFE_INTEGER)
  const { records } = await findDocuments(ctx, flavor, related, queries, {
    total: false,
    defaultLimit: Number.MAX_SAFE_INTEGER,
    visible: readFilter(ctx.caller, related),
  })
  const ids = [...new Set(records.flatMap((doc) => linksOf(doc, String(attr.inverse))))]
  return { method: 'equal', attribute: '$id', values: ids.length ? ids : [NO_MATCH] }
}

const isPathFilter = (query: Query) => isFilter(query.method) && query.attribute.includes('.') && !query.attribute.startsWith('$')

/** Whether any top-level filter names a path (`author.name`): only then are related collections read first. */
export const throughRelationships = (queries: readonly Query[]): boolean => queries.some(isPathFilter)

const resolveAll = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, queries: readonly Query[], depth: number): Promise<Query[]> =>
  Promise.all(queries.map((query) => (isPathFilter(query) ? matchThrough(ctx, flavor, collection, query, depth) : query)))

/**
 * The route's queries with top-level filters through relationships (`equal('author.name', ['Ann'])`,
 * `greaterThan('books.pages', 300)`, `author.publisher.name`, …) turned into `$id` filters, as Appwrite 2.0
 * answers them. Filters inside `and`/`or` are left as they are (and refused as unknown attributes).
 */
export const resolvePathFilters = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, queries: readonly Query[]): Promise<Query[]> =>
  resolveAll(ctx, flavor, collection, queries, 1)
