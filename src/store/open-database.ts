import Dexie from 'dexie'
import type { IndexedDbPlatform } from './platform.js'

export type StoreSchema = Record<string, string>

/** Primary key first, then the indexes in any order (IndexedDB lists index names sorted). */
const normalise = (schema: string) => {
  const [primary, ...indexes] = schema
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return [primary, ...indexes.sort()].join(',')
}

/**
 * Opens `name` with exactly `schema`, bumping the IndexedDB version only when the schema differs from what is
 * installed. Services and user collections can so add stores and indexes at run time without a hand-kept
 * version number.
 */
export const openDatabase = async (name: string, schema: StoreSchema, platform: IndexedDbPlatform): Promise<Dexie> => {
  const probe = new Dexie(name, { ...platform, autoOpen: false })
  let installed = 0
  let same = false
  try {
    await probe.open()
    installed = probe.verno
    same =
      probe.tables.length === Object.keys(schema).length &&
      probe.tables.every((table) => {
        const wanted = schema[table.name]
        if (wanted === undefined) return false
        const current = [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(',')
        return normalise(current) === normalise(wanted)
      })
  } catch (error) {
    if ((error as Error).name !== 'NoSuchDatabaseError') throw error
  } finally {
    probe.close()
  }
  const db = new Dexie(name, { ...platform, autoOpen: true })
  db.version(Math.max(1, same ? installed : installed + 1)).stores(schema)
  await db.open()
  return db
}
