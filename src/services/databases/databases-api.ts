import type { RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { Writer } from '../../store/write-path.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkText, resolveId } from '../common/validators.js'
import { deleteCollectionData } from './collection-data.js'
import { loadDatabase } from './lookup.js'
import { type CollectionRecord, type DatabaseRecord, idKey } from './records.js'
import { renderDatabase } from './render.js'
import { listSchema } from './schema-list.js'

const announce = (w: Writer, ctx: RequestContext, database: DatabaseRecord, action: string) =>
  w.emit(ctx.event([`databases.${database.$id}.${action}`], 'database', renderDatabase(database), []))

/** `POST /databases` and `POST /tablesdb`: the type records which API made it; both APIs serve both. */
export const createDatabase = (type: DatabaseRecord['type']) => async (ctx: RequestContext) => {
  const id = resolveId(checkCustomId('databaseId', ctx.params.databaseId), ctx.newId)
  const name = checkText('name', ctx.params.name, 128)
  const now = formatDate(ctx.now)
  const database: DatabaseRecord = {
    k: idKey(id), $id: id, $createdAt: now, $updatedAt: now, name, enabled: ctx.params.enabled !== false, type,
  }
  await ctx.store.write(async (w) => {
    if (await w.table('databases').get(database.k)) throw new AppwriteError('database_already_exists', { param: id })
    await w.add('databases', database)
    announce(w, ctx, database, 'create')
  })
  return renderDatabase(database)
}

export const listDatabases = async (ctx: RequestContext) => {
  const all = (await ctx.store.db.table('databases').toArray()) as DatabaseRecord[]
  const { total, records } = listSchema(ctx, all, [{ key: 'name', type: 'string' }], 'Database', (d) => `${d.$id} ${d.name}`)
  return { total, databases: records.map(renderDatabase) }
}

export const getDatabase = async (ctx: RequestContext) => renderDatabase(await loadDatabase(ctx))

export const updateDatabase = async (ctx: RequestContext) => {
  const database = await loadDatabase(ctx)
  const next: DatabaseRecord = {
    ...database,
    name: ctx.params.name === undefined ? database.name : checkText('name', ctx.params.name, 128),
    enabled: typeof ctx.params.enabled === 'boolean' ? ctx.params.enabled : database.enabled,
    $updatedAt: formatDate(ctx.now),
  }
  await ctx.store.write(async (w) => {
    await w.put('databases', next)
    announce(w, ctx, next, 'update')
  })
  return renderDatabase(next)
}

/** Deletes the database with all its collections and their documents. */
export const deleteDatabase = async (ctx: RequestContext) => {
  const database = await loadDatabase(ctx)
  await ctx.store.write(async (w) => {
    const collections = (await w.table('collections').where('databaseKey').equals(database.k).toArray()) as CollectionRecord[]
    for (const collection of collections) {
      await deleteCollectionData(w, collection.cid)
      await w.delete('collections', collection.k)
    }
    await w.delete('databases', database.k)
    announce(w, ctx, database, 'delete')
  })
  return undefined
}
