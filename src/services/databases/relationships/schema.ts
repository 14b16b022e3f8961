import type { Handler } from '../../../engine/context.js'
import { reply } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import type { Writer } from '../../../store/write-path.js'
import { formatDate } from '../../../util/time.js'
import { announceAttribute as announce } from '../attributes/announce.js'
import { assertUniqueKey, checkKey } from '../attributes/build.js'
import { rewriteCollection } from '../collection-data.js'
import type { Flavor } from '../flavor.js'
import { loadCollection, loadDatabase } from '../lookup.js'
import { type AttributeRecord, type CollectionRecord, collectionKey } from '../records.js'
import { attributeModel, renderAttribute } from '../render.js'
import { ON_DELETE, RELATION_TYPES, hiddenField } from './model.js'

const oneOf = (name: string, value: unknown, allowed: readonly string[]) => {
  if (typeof value !== 'string' || !allowed.includes(value)) throw invalidParam(name, `Value must be one of (${allowed.join(', ')})`)
  return value
}

/** Puts a side on a collection: a visible attribute, or a hidden one-way child side. */
const withSide = (collection: CollectionRecord, side: AttributeRecord, visible: boolean): CollectionRecord =>
  visible
    ? { ...collection, attributes: [...collection.attributes, side] }
    : { ...collection, relations: [...(collection.relations ?? []), side] }

/**
 * `POST …/attributes/relationship` (`…/columns/relationship`): a parent side here and a child side on the
 * related collection (an attribute when `twoWay`, else a hidden field for the links back). Answers 202.
 */
export const createRelationship = (flavor: Flavor): Handler => async (ctx) => {
  const database = await loadDatabase(ctx)
  const collection = await loadCollection(ctx, flavor, database)
  const relatedId = checkKey(flavor.param.related, ctx.params[flavor.param.related])
  const stored = (await ctx.store.db.table('collections').get(collectionKey(database.$id, relatedId))) as CollectionRecord | undefined
  if (!stored) throw flavor.error('collection_not_found', { param: relatedId })
  const relationType = oneOf('type', ctx.params.type, RELATION_TYPES) as AttributeRecord['relationType']
  const onDelete = oneOf('onDelete', ctx.params.onDelete ?? 'restrict', ON_DELETE) as AttributeRecord['onDelete']
  const twoWay = ctx.params.twoWay === true
  const key = checkKey('key', ctx.params.key ?? stored.$id)
  const twoWayKey = checkKey('twoWayKey', ctx.params.twoWayKey ?? collection.$id)
  assertUniqueKey(flavor, collection.attributes, key)
  const self = stored.k === collection.k
  if (twoWay) assertUniqueKey(flavor, self ? [...collection.attributes, { key } as AttributeRecord] : stored.attributes, twoWayKey)
  if (relationType === 'manyToMany' && collection.attributes.some((a) => a.relationType === 'manyToMany' && a.relatedCollection === stored.$id)) {
    throw flavor.error('attribute_already_exists', {
      message: `Creating more than one "manyToMany" relationship on the same ${flavor.api === 'tablesdb' ? 'table' : 'collection'} is currently not permitted.`,
    })
  }
  const now = formatDate(ctx.now)
  const common = { type: 'relationship', status: 'available', error: '', required: false, array: false, $createdAt: now, $updatedAt: now, relationType, twoWay, onDelete } as const
  const back = twoWay ? twoWayKey : hiddenField(collection.$id, key)
  const parent: AttributeRecord = { ...common, key, relatedCollection: stored.$id, twoWayKey, side: 'parent', inverse: back }
  const child: AttributeRecord = { ...common, key: back, relatedCollection: collection.$id, twoWayKey: key, side: 'child', inverse: key }
  await ctx.store.write(async (w) => {
    const withParent = withSide(collection, parent, true)
    if (self) await w.put('collections', withSide(withParent, child, twoWay))
    else {
      await w.put('collections', withParent)
      await w.put('collections', withSide(stored, child, twoWay))
    }
    announce(w, ctx, flavor, collection, parent, 'create')
    if (twoWay) announce(w, ctx, flavor, stored, child, 'create')
  })
  return reply({ status: 202, body: { ...(renderAttribute(flavor, parent) as object), status: 'processing' }, model: attributeModel(flavor, parent) })
}

/** `PATCH …/attributes/relationship/<key>`: changes `onDelete` on both sides (renames are not served yet). */
export const updateRelationship = (flavor: Flavor): Handler => async (ctx) => {
  const database = await loadDatabase(ctx)
  const collection = await loadCollection(ctx, flavor, database)
  const key = checkKey('key', ctx.params.key)
  const attr = collection.attributes.find((a) => a.key === key)
  if (!attr) throw flavor.error('attribute_not_found', { param: key })
  if (attr.type !== 'relationship') throw flavor.error('attribute_type_invalid', { param: key })
  if (typeof ctx.params.newKey === 'string' && ctx.params.newKey !== key) {
    throw new AppwriteError('general_not_implemented', { message: 'offwrite does not rename relationship attributes yet.' })
  }
  const onDelete = (ctx.params.onDelete === undefined || ctx.params.onDelete === null ? attr.onDelete : oneOf('onDelete', ctx.params.onDelete, ON_DELETE)) as AttributeRecord['onDelete']
  const updated: AttributeRecord = { ...attr, onDelete, $updatedAt: formatDate(ctx.now) }
  await ctx.store.write(async (w) => {
    const mine = { ...collection, attributes: collection.attributes.map((a) => (a === attr ? updated : a)) }
    const related = mine.$id === attr.relatedCollection ? mine : ((await w.table('collections').get(collectionKey(database.$id, String(attr.relatedCollection)))) as CollectionRecord)
    const twin = (a: AttributeRecord) => a.key === attr.inverse && a.relatedCollection === collection.$id ? { ...a, onDelete } : a
    const relatedNext = { ...related, attributes: related.attributes.map(twin), relations: related.relations?.map(twin) }
    if (related === mine) await w.put('collections', relatedNext)
    else {
      await w.put('collections', mine)
      await w.put('collections', relatedNext)
    }
    announce(w, ctx, flavor, collection, updated, 'update')
  })
  return reply({ body: renderAttribute(flavor, updated), model: attributeModel(flavor, updated) })
}

/**
 * Removes a relationship from both collections, with every link (the other side's attribute or hidden field
 * and its values). Used when the attribute is deleted and when either collection is.
 */
export const dropRelationship = async (w: Writer, collection: CollectionRecord, attr: AttributeRecord): Promise<void> => {
  const strip = (field: string) => (doc: Record<string, unknown>) => {
    const { [field]: _gone, ...rest } = doc
    return rest
  }
  const current = ((await w.table('collections').get(collection.k)) as CollectionRecord | undefined) ?? collection
  const relatedKey = collectionKey(collection.databaseId, String(attr.relatedCollection))
  const isTwin = (a: AttributeRecord) => a.key === attr.inverse && a.relatedCollection === collection.$id
  const drop = (c: CollectionRecord, self: boolean): CollectionRecord => ({
    ...c,
    attributes: c.attributes.filter((a) => !(self && a.key === attr.key) && !isTwin(a)),
    relations: c.relations?.filter((a) => !(self && a.key === attr.key) && !isTwin(a)),
  })
  if (relatedKey === current.k) {
    await rewriteCollection(w, current.cid, (doc) => strip(String(attr.inverse))(strip(attr.key)(doc)))
    await w.put('collections', drop(current, true))
    return
  }
  await rewriteCollection(w, current.cid, strip(attr.key))
  await w.put('collections', drop(current, true))
  const related = (await w.table('collections').get(relatedKey)) as CollectionRecord | undefined
  if (!related) return
  await rewriteCollection(w, related.cid, strip(String(attr.inverse)))
  await w.put('collections', drop(related, false))
}
