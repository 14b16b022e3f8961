import { normalizePermissions } from '../../auth/permissions.js'
import type { RequestContext } from '../../engine/context.js'
import { invalidParam } from '../../errors/index.js'
import type { Writer } from '../../store/write-path.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkText, resolveId } from '../common/validators.js'
import { assertRoom, assertUniqueKey, buildAttribute } from './attributes/build.js'
import { kindByName } from './attributes/kinds.js'
import { deleteCollectionData } from './collection-data.js'
import type { Flavor } from './flavor.js'
import { buildIndex } from './indexes/build.js'
import { placeIndex } from './indexes/place.js'
import { loadCollection, loadDatabase } from './lookup.js'
import { type AttributeRecord, type CollectionRecord, type DatabaseRecord, collectionKey } from './records.js'
import { relationsOf } from './relationships/model.js'
import { dropRelationship } from './relationships/schema.js'
import { renderCollection } from './render.js'
import { listSchema } from './schema-list.js'

const ALL_TYPES = ['create', 'read', 'update', 'delete'] as const

export const announceCollection = (w: Writer, ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, action: string) =>
  w.emit(
    ctx.event(
      [`databases.${collection.databaseId}.${flavor.names.collections}.${collection.$id}.${action}`],
      flavor.models.collection,
      renderCollection(flavor, collection),
      [],
    ),
  )

/** Inline `attributes`/`columns` of a collection create: created at once, `available`. */
const inlineAttributes = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, now: string): AttributeRecord[] => {
  const raw = ctx.params[flavor.param.attributes]
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw) || raw.length > 100) throw invalidParam(flavor.param.attributes, 'Value must a valid array no longer than 100 items')
  const out: AttributeRecord[] = []
  for (const item of raw as Array<Record<string, unknown>>) {
    const kind = kindByName(item?.type)
    if (!kind) {
      throw invalidParam(flavor.param.attributes, item?.type === 'relationship' ? 'Relationship attributes cannot be created inline.' : `Unknown attribute type: ${String(item?.type)}`)
    }
    const attr = buildAttribute(flavor, kind, { ...item, key: item.key }, now)
    assertUniqueKey(flavor, out, attr.key)
    out.push(attr)
  }
  assertRoom(flavor, collection, out)
  return out
}

export const createCollection = (flavor: Flavor) => async (ctx: RequestContext) => {
  const database = await loadDatabase(ctx)
  const id = resolveId(checkCustomId(flavor.param.collection, ctx.params[flavor.param.collection]), ctx.newId)
  const now = formatDate(ctx.now)
  const collection: CollectionRecord = {
    k: collectionKey(database.$id, id),
    databaseKey: database.k,
    databaseId: database.$id,
    cid: 0,
    $id: id,
    $createdAt: now,
    $updatedAt: now,
    $permissions: ctx.params.permissions == null ? [] : normalizePermissions('permissions', ctx.params.permissions, ALL_TYPES),
    name: checkText('name', ctx.params.name, 128),
    enabled: ctx.params.enabled !== false,
    documentSecurity: ctx.params[flavor.security] === true,
    attributes: [],
    indexes: [],
  }
  collection.attributes = inlineAttributes(ctx, flavor, collection, now)
  const inlineIndexes = Array.isArray(ctx.params.indexes) ? (ctx.params.indexes as Array<Record<string, unknown>>) : []
  await ctx.store.write(async (w) => {
    if (await w.table('collections').get(collection.k)) throw flavor.error('collection_already_exists', { param: id })
    const last = (await w.table('collections').orderBy('cid').last()) as CollectionRecord | undefined
    collection.cid = (last?.cid ?? 0) + 1
    for (const input of inlineIndexes) {
      const index = buildIndex(flavor, collection, { ...input, attributes: input[flavor.param.attributes] ?? input.attributes }, now)
      collection.indexes.push(await placeIndex(w, collection, index))
    }
    await w.add('collections', collection)
    announceCollection(w, ctx, flavor, collection, 'create')
  })
  return renderCollection(flavor, collection)
}

export const listCollections = (flavor: Flavor) => async (ctx: RequestContext) => {
  const database = await loadDatabase(ctx)
  const all = (await ctx.store.db.table('collections').where('databaseKey').equals(database.k).toArray()) as CollectionRecord[]
  const attributes = [
    { key: 'name', type: 'string' },
    { key: 'enabled', type: 'boolean' },
    { key: flavor.security, type: 'boolean' },
  ]
  const rows = all.map((c) => ({ ...c, [flavor.security]: c.documentSecurity }))
  const { total, records } = listSchema(ctx, rows, attributes, flavor.api === 'tablesdb' ? 'Table' : 'Collection', (c) => `${c.$id} ${c.name}`)
  return { total, [flavor.names.collections]: records.map((c) => renderCollection(flavor, c)) }
}

export const getCollection = (flavor: Flavor) => async (ctx: RequestContext) =>
  renderCollection(flavor, await loadCollection(ctx, flavor, await loadDatabase(ctx)))

/**
 * `PUT` a collection. @note Appwrite's defaults apply to omitted params: `documentSecurity` false and
 * `enabled` true, so a PUT without them switches document security off.
 */
export const updateCollection = (flavor: Flavor) => async (ctx: RequestContext) => {
  const database = await loadDatabase(ctx)
  const collection = await loadCollection(ctx, flavor, database)
  const next: CollectionRecord = {
    ...collection,
    name: ctx.params.name === undefined ? collection.name : checkText('name', ctx.params.name, 128),
    $permissions:
      ctx.params.permissions == null ? collection.$permissions : normalizePermissions('permissions', ctx.params.permissions, ALL_TYPES),
    documentSecurity: ctx.params[flavor.security] === true,
    enabled: ctx.params.enabled !== false,
    $updatedAt: formatDate(ctx.now),
  }
  await ctx.store.write(async (w) => {
    await w.put('collections', next)
    announceCollection(w, ctx, flavor, next, 'update')
  })
  return renderCollection(flavor, next)
}

/** Deletes the collection and every document in it. */
export const deleteCollection = (flavor: Flavor) => async (ctx: RequestContext) => {
  const database: DatabaseRecord = await loadDatabase(ctx)
  const collection = await loadCollection(ctx, flavor, database)
  await ctx.store.write(async (w) => {
    // Relationships go with it, from both ends.
    for (const side of relationsOf(collection)) await dropRelationship(w, collection, side)
    await deleteCollectionData(w, collection.cid)
    await w.delete('collections', collection.k)
    announceCollection(w, ctx, flavor, collection, 'delete')
  })
  return undefined
}
