import type { RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { checkUid } from '../common/validators.js'
import type { Flavor } from './flavor.js'
import { type CollectionRecord, type DatabaseRecord, collectionKey, idKey } from './records.js'

/**
 * The database of the path. Disabled databases are hidden from clients (404), as in Appwrite; keys see them.
 */
export const loadDatabase = async (ctx: RequestContext): Promise<DatabaseRecord> => {
  const id = checkUid('databaseId', ctx.params.databaseId)
  const database = (await ctx.store.db.table('databases').get(idKey(id))) as DatabaseRecord | undefined
  if (!database || (!database.enabled && !ctx.caller.key)) throw new AppwriteError('database_not_found', { param: id })
  return database
}

/** The collection (table) of the path, hidden from clients when disabled. */
export const loadCollection = async (ctx: RequestContext, flavor: Flavor, database: DatabaseRecord): Promise<CollectionRecord> => {
  const name = flavor.param.collection
  const id = checkUid(name, ctx.params[name])
  const collection = (await ctx.store.db.table('collections').get(collectionKey(database.$id, id))) as CollectionRecord | undefined
  if (!collection || (!collection.enabled && !ctx.caller.key)) throw flavor.error('collection_not_found', { param: id })
  return collection
}

/** The database and collection of the path (inside the caller's transaction, if any). */
export const readTarget = async (ctx: RequestContext, flavor: Flavor) => {
  const database = await loadDatabase(ctx)
  const collection = await loadCollection(ctx, flavor, database)
  return { database, collection }
}

/** Both at once, in one read transaction: what every document write starts with. */
export const loadTarget = (ctx: RequestContext, flavor: Flavor) =>
  ctx.store.db.transaction('r', ['databases', 'collections'], () => readTarget(ctx, flavor))
