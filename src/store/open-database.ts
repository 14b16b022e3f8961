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
 * Opens `name` with `schema`, bumping the IndexedDB version only when the schema differs from what is installed.
 * Services and user collections can so add stores and indexes at run time without a hand-kept version number.
 * Stores found in the database that `schema` does not name are kept as they are (a store added at run time
 * survives the next start); a store set to `null` is deleted.
 */
export const openDatabase = async (
  name: string,
  schema: Record<string, string | null>,
  platform: IndexedDbPlatform,
): Promise<Dexie> => {
  const probe = new Dexie(name, { ...platform, autoOpen: false })
  let installed = 0
  const existing: StoreSchema = {}
  try {
    await probe.open()
    installed = probe.verno
    for (const table of probe.tables) {
      existing[table.name] = [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(',')
    }
  } catch (error) {
    if ((error as Error).name !== 'NoSuchDatabaseError') throw error
  } finally {
    probe.close()
  }
  const wanted: Record<string, string | null> = { ...existing, ...schema }
  const same = Object.entries(wanted).every(([store, spec]) =>
    spec === null ? !(store in existing) : store in existing && normalise(existing[store]) === normalise(spec),
  )
  const db = new Dexie(name, { ...platform, autoOpen: true })
  db.version(Math.max(1, same ? installed : installed + 1)).stores(wanted)
  await db.open()
  return db
}
