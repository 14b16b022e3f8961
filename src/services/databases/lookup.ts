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
  return checkDatabase(ctx, id, (await ctx.store.db.table('databases').get(idKey(id))) as DatabaseRecord | undefined)
}

/** The collection (table) of the path, hidden from clients when disabled. */
export const loadCollection = async (ctx: RequestContext, flavor: Flavor, database: DatabaseRecord): Promise<CollectionRecord> => {
  const name = flavor.param.collection
  const id = checkUid(name, ctx.params[name])
  const collection = (await ctx.store.db.table('collections').get(collectionKey(database.$id, id))) as CollectionRecord | undefined
  if (!collection || (!collection.enabled && !ctx.caller.key)) throw flavor.error('collection_not_found', { param: id })
  return collection
}

const checkDatabase = (ctx: RequestContext, id: string, database: DatabaseRecord | undefined): DatabaseRecord => {
  if (!database || (!database.enabled && !ctx.caller.key)) throw new AppwriteError('database_not_found', { param: id })
  return database
}

/**
 * The database and collection of the path (inside the caller's transaction, if any), both read at once: the
 * collection's key follows from the path, so neither read waits for the other.
 */
export const readTarget = async (ctx: RequestContext, flavor: Flavor) => {
  const databaseId = checkUid('databaseId', ctx.params.databaseId)
  const name = flavor.param.collection
  const collectionId = checkUid(name, ctx.params[name])
  const [database, collection] = (await Promise.all([
    ctx.store.db.table('databases').get(idKey(databaseId)),
    ctx.store.db.table('collections').get(collectionKey(databaseId, collectionId)),
  ])) as [DatabaseRecord | undefined, CollectionRecord | undefined]
  checkDatabase(ctx, databaseId, database)
  if (!collection || (!collection.enabled && !ctx.caller.key)) throw flavor.error('collection_not_found', { param: collectionId })
  return { database: database as DatabaseRecord, collection }
}

/** Both at once, in one read transaction: what every document write starts with. */
export const loadTarget = (ctx: RequestContext, flavor: Flavor) =>
  ctx.store.db.transaction('r', ['databases', 'collections'], () => readTarget(ctx, flavor))
