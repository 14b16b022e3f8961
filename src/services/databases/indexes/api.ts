import { type Handler, type RequestContext, reply } from '../../../engine/context.js'
import type { Writer } from '../../../store/write-path.js'
import { formatDate } from '../../../util/time.js'
import { rewriteCollection } from '../collection-data.js'
import type { Flavor } from '../flavor.js'
import { loadCollection, loadDatabase } from '../lookup.js'
import type { CollectionRecord, IndexRecord } from '../records.js'
import { renderIndex } from '../render.js'
import { listSchema } from '../schema-list.js'
import { buildIndex } from './build.js'
import { placeIndex } from './place.js'

const announce = (w: Writer, ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, index: IndexRecord, action: string) =>
  w.emit(
    ctx.event(
      [`databases.${collection.databaseId}.${flavor.names.collections}.${collection.$id}.indexes.${index.key}.${action}`],
      flavor.models.index,
      renderIndex(flavor, index) as Record<string, unknown>,
      [],
    ),
  )

const findIndex = (flavor: Flavor, collection: CollectionRecord, key: string): IndexRecord => {
  const index = collection.indexes.find((i) => i.key === key)
  if (!index) throw flavor.error('index_not_found', { param: key })
  return index
}

/** `POST …/indexes`: 202 `processing` as in Appwrite; the IndexedDB keys are written before it answers. */
const createIndex = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const input = { ...ctx.params, attributes: ctx.params[flavor.param.attributes] }
  const built = buildIndex(flavor, collection, input, formatDate(ctx.now))
  let index = built
  await ctx.store.write(async (w) => {
    index = await placeIndex(w, collection, built)
    await w.put('collections', { ...collection, indexes: [...collection.indexes, index] })
    announce(w, ctx, flavor, collection, index, 'create')
  })
  return reply({ status: 202, body: { ...(renderIndex(flavor, index) as object), status: 'processing' } })
}

const getIndex = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  return renderIndex(flavor, findIndex(flavor, collection, String(ctx.params.key)))
}

const listIndexes = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const attributes = ['key', 'type', 'status', 'attributes', 'error'].map((key) => ({ key, type: 'string', array: key === 'attributes' }))
  const { total, records } = listSchema(ctx, collection.indexes, attributes, 'Index')
  return { total, indexes: records.map((i) => renderIndex(flavor, i)) }
}

/** Deletes an index and its keys from every document. */
const deleteIndex = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const index = findIndex(flavor, collection, String(ctx.params.key))
  await ctx.store.write(async (w) => {
    if (index.slot) await rewriteCollection(w, collection.cid, (doc) => doc, { remove: index.slot })
    await w.put('collections', { ...collection, indexes: collection.indexes.filter((i) => i !== index) })
    // Appwrite announces an index deletion as `…indexes.<key>.update` (the worker finishes it).
    announce(w, ctx, flavor, collection, index, 'update')
  })
  return undefined
}

export const indexRoutes = (flavor: Flavor): Record<string, Handler> => {
  const prefix = flavor.api === 'tablesdb' ? 'tablesDB' : 'databases'
  return {
    [`${prefix}CreateIndex`]: createIndex(flavor),
    [`${prefix}GetIndex`]: getIndex(flavor),
    [`${prefix}ListIndexes`]: listIndexes(flavor),
    [`${prefix}DeleteIndex`]: deleteIndex(flavor),
  }
}
