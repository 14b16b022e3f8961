import type { ProjectStore } from '../store/project-store.js'
import { decodePortable, encodePortable } from './portable-json.js'

export const EXPORT_FORMAT = 'offwrite-project'

/** A whole project as one JSON document: every store's schema and records, file bytes included. */
export interface ProjectExport {
  format: typeof EXPORT_FORMAT
  version: 1
  projectId: string
  exportedAt: string
  /** Dexie schema of every store, run-time ones (a collection's indexes) included. */
  schema: Record<string, string>
  /** Records by store, encoded with `encodePortable` (Blobs as base64). */
  tables: Record<string, unknown[]>
}

const assertInbound = (store: ProjectStore, table: string) => {
  if (store.db.table(table).schema.primKey.keyPath == null) {
    throw new Error(`[offwrite] store "${table}" has out-of-line keys, which export does not support`)
  }
}

/** Reads every store of the project in one transaction, so the snapshot is consistent. */
export const exportProject = async (store: ProjectStore, now: Date = new Date()): Promise<ProjectExport> => {
  const tables = store.db.tables
  const raw = await store.db.transaction('r', tables, async () => {
    const out: Record<string, unknown[]> = {}
    for (const table of tables) {
      assertInbound(store, table.name)
      out[table.name] = await table.toArray()
    }
    return out
  })
  const encoded: Record<string, unknown[]> = {}
  for (const [name, rows] of Object.entries(raw)) encoded[name] = (await encodePortable(rows)) as unknown[]
  return {
    format: EXPORT_FORMAT,
    version: 1,
    projectId: store.projectId,
    exportedAt: now.toISOString(),
    schema: { ...store.schema },
    tables: encoded,
  }
}

export const isProjectExport = (value: unknown): value is ProjectExport =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === EXPORT_FORMAT

/**
 * Replaces the project's records with an export's (it may come from another project id), through the write
 * path. Stores the export has and this project lacks are created first; stores it lacks are emptied.
 */
export const importProject = async (store: ProjectStore, data: ProjectExport): Promise<void> => {
  if (!isProjectExport(data)) throw new Error('[offwrite] not an offwrite project export (format "offwrite-project")')
  if (data.version !== 1) throw new Error(`[offwrite] unsupported export version ${String(data.version)}`)
  // Only stores this engine does not know yet; the engine's own schema stays as its services define it.
  const missing = Object.fromEntries(Object.entries(data.schema).filter(([name]) => !(name in store.schema)))
  await store.ensureStores(missing)
  const decoded = Object.fromEntries(
    Object.entries(data.tables).map(([name, rows]) => [name, decodePortable(rows) as object[]]),
  )
  await store.write(async (w) => {
    for (const table of store.db.tables) await w.clear(table.name)
    for (const [name, rows] of Object.entries(decoded)) if (rows.length) await w.bulkPut(name, rows)
  })
}
