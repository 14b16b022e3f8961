import type { Handler } from '../../../engine/context.js'
import { reply } from '../../../engine/context.js'
import type { Writer } from '../../../store/write-path.js'
import { formatDate } from '../../../util/time.js'
import { collectionDocuments, rewriteCollection } from '../collection-data.js'
import type { Flavor } from '../flavor.js'
import { placeIndex } from '../indexes/place.js'
import { loadCollection, loadDatabase } from '../lookup.js'
import { type AttributeRecord, type CollectionRecord, idKey } from '../records.js'
import { attributeModel, renderAttribute } from '../render.js'
import { listSchema } from '../schema-list.js'
import { assertRoom, assertUniqueKey, buildAttribute, checkKey } from './build.js'
import { createRelationship, dropRelationship, updateRelationship } from '../relationships/schema.js'
import { announceAttribute as announce } from './announce.js'
import { type AttributeKind, KINDS, kindOf } from './kinds.js'

const findAttribute = (flavor: Flavor, collection: CollectionRecord, key: string): AttributeRecord => {
  const attr = collection.attributes.find((a) => a.key === key)
  if (!attr) throw flavor.error('attribute_not_found', { param: key })
  return attr
}

/**
 * `POST …/attributes/<type>`: answers 202 with status `processing`, as Appwrite does; the attribute is usable
 * at once (`available` on the next read), which is what Appwrite's worker makes it a moment later.
 */
const createAttribute = (flavor: Flavor, kind: AttributeKind): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const attr = buildAttribute(flavor, kind, ctx.params, formatDate(ctx.now))
  assertUniqueKey(flavor, collection.attributes, attr.key)
  const attributes = [...collection.attributes, attr]
  assertRoom(flavor, collection, attributes)
  await ctx.store.write(async (w) => {
    await w.put('collections', { ...collection, attributes })
    announce(w, ctx, flavor, collection, attr, 'create')
  })
  return reply({ status: 202, body: { ...(renderAttribute(flavor, attr) as object), status: 'processing' }, model: attributeModel(flavor, attr) })
}

/**
 * `PATCH …/attributes/<type>/<key>`: `required` and `default` are mandatory; a new size must fit the data; a
 * rename moves the values and the indexes along.
 */
const updateAttribute = (flavor: Flavor, kind: AttributeKind): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const old = findAttribute(flavor, collection, checkKey('key', ctx.params.key))
  if (kindOf(old) !== kind) throw flavor.error('attribute_type_invalid', { param: old.key })
  const updated = buildAttribute(flavor, kind, { ...old, ...ctx.params, key: old.key, array: old.array }, formatDate(ctx.now), old)
  const newKey = ctx.params.newKey === undefined || ctx.params.newKey === null ? old.key : checkKey('newKey', ctx.params.newKey)
  if (newKey !== old.key) assertUniqueKey(flavor, collection.attributes.filter((a) => a !== old), newKey)
  const attr = { ...updated, key: newKey }
  const attributes = collection.attributes.map((a) => (a === old ? attr : a))
  assertRoom(flavor, collection, attributes)
  await ctx.store.write(async (w) => {
    let next: CollectionRecord = { ...collection, attributes }
    if ((attr.size ?? 0) < (old.size ?? 0)) await assertFits(w, flavor, collection, old.key, attr)
    if (newKey !== old.key) next = await renameAttribute(w, collection, next, old.key, newKey)
    await w.put('collections', next)
    announce(w, ctx, flavor, next, attr, 'update')
  })
  return reply({ body: renderAttribute(flavor, attr), model: attributeModel(flavor, attr) })
}

/** Shrinking a size below the data already stored is `attribute_invalid_resize`. */
const assertFits = async (w: Writer, flavor: Flavor, collection: CollectionRecord, key: string, attr: AttributeRecord) => {
  const size = attr.size ?? 0
  const tooLong = (v: unknown) => typeof v === 'string' && [...v].length > size
  for (const row of await collectionDocuments(w, collection.cid)) {
    if (([] as unknown[]).concat(row.d[key] ?? []).some(tooLong)) throw flavor.error('attribute_invalid_resize')
  }
}

const renameAttribute = async (w: Writer, collection: CollectionRecord, next: CollectionRecord, from: string, to: string) => {
  const indexes = next.indexes.map((i) => ({ ...i, attributes: i.attributes.map((a) => (a === from ? to : a)) }))
  await rewriteCollection(w, collection.cid, (doc) => {
    const { [from]: value, ...rest } = doc
    return value === undefined ? rest : { ...rest, [to]: value }
  })
  return { ...next, indexes }
}

const getAttribute = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const attr = findAttribute(flavor, collection, String(ctx.params.key))
  return reply({ body: renderAttribute(flavor, attr), model: attributeModel(flavor, attr) })
}

const listAttributes = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const attributes = ['key', 'type', 'size', 'required', 'array', 'status', 'error'].map((key) => ({
    key,
    type: key === 'size' ? 'integer' : key === 'required' || key === 'array' ? 'boolean' : 'string',
  }))
  const { total, records } = listSchema(ctx, collection.attributes, attributes, flavor.api === 'tablesdb' ? 'Column' : 'Attribute')
  return { total, [flavor.names.attributes]: records.map((a) => renderAttribute(flavor, a)) }
}

/**
 * Deletes an attribute and its values from every document. @note On the SQL adapters Appwrite drops the
 * attribute from the indexes that use it (and indexes left empty), and announces `…attributes.<key>.update`.
 */
const deleteAttribute = (flavor: Flavor): Handler => async (ctx) => {
  const collection = await loadCollection(ctx, flavor, await loadDatabase(ctx))
  const attr = findAttribute(flavor, collection, String(ctx.params.key))
  if (attr.type === 'relationship') {
    await ctx.store.write(async (w) => {
      await dropRelationship(w, collection, attr)
      announce(w, ctx, flavor, collection, attr, 'update')
    })
    return undefined
  }
  await ctx.store.write(async (w) => {
    const touched = collection.indexes.filter((i) => i.attributes.includes(attr.key))
    for (const index of touched) {
      if (index.slot) await rewriteCollection(w, collection.cid, (doc) => doc, { remove: index.slot })
    }
    await rewriteCollection(w, collection.cid, (doc) => {
      const { [attr.key]: _gone, ...rest } = doc
      return rest
    })
    let next: CollectionRecord = {
      ...collection,
      attributes: collection.attributes.filter((a) => a !== attr),
      indexes: collection.indexes.filter((i) => !touched.includes(i)),
    }
    for (const index of touched) {
      const attributes = index.attributes.filter((a) => idKey(a) !== idKey(attr.key))
      if (attributes.length === 0) continue
      const kept = { ...index, attributes, slot: undefined }
      next = { ...next, indexes: [...next.indexes, await placeIndex(w, next, kept)] }
    }
    await w.put('collections', next)
    announce(w, ctx, flavor, collection, attr, 'update')
  })
  return undefined
}

/** Every attribute route of one facade, by operationId. */
export const attributeRoutes = (flavor: Flavor): Record<string, Handler> => {
  const prefix = flavor.api === 'tablesdb' ? 'tablesDB' : 'databases'
  const noun = flavor.api === 'tablesdb' ? 'Column' : 'Attribute'
  const routes: Record<string, Handler> = {
    [`${prefix}Get${noun}`]: getAttribute(flavor),
    [`${prefix}List${noun}s`]: listAttributes(flavor),
    [`${prefix}Delete${noun}`]: deleteAttribute(flavor),
  }
  routes[`${prefix}CreateRelationship${noun}`] = createRelationship(flavor)
  routes[`${prefix}UpdateRelationship${noun}`] = updateRelationship(flavor)
  for (const kind of KINDS) {
    routes[`${prefix}Create${kind.op}${noun}`] = createAttribute(flavor, kind)
    routes[`${prefix}Update${kind.op}${noun}`] = updateAttribute(flavor, kind)
  }
  return routes
}
