import { base64ToBytes } from './portable-json.js'
import type { AdminClient } from './admin-caller.js'
import type { SeedFile, SeedRecord } from './seed-types.js'

const splitKey = (key: string, kind: string): [string, string] => {
  const [databaseId, container, ...rest] = key.split('/')
  if (!databaseId || !container || rest.length) throw new Error(`[offwrite] seed ${kind}: key "${key}" must be "<databaseId>/<id>"`)
  return [databaseId, container]
}

/** Appwrite's bulk routes take at most this many items per request. */
const BATCH = 100

/**
 * Creates documents (`databases`) or rows (`tablesDB`) through the bulk create route (servers send
 * `documents`/`rows`, each item with its own `$id` and `$permissions`), 100 per request as Appwrite allows.
 */
export const seedRecords = async (
  api: AdminClient,
  kind: 'documents' | 'rows',
  byContainer: Record<string, readonly SeedRecord[]>,
): Promise<string[]> => {
  const ids: string[] = []
  for (const [key, records] of Object.entries(byContainer)) {
    const [databaseId, container] = splitKey(key, kind)
    for (let start = 0; start < records.length; start += BATCH) {
      const items = records.slice(start, start + BATCH).map((r) => ({ ...r, $id: r.$id ?? 'unique()' }))
      const created =
        kind === 'documents'
          ? await api.op<{ documents: Array<{ $id: string }> }>('databasesCreateDocument', { databaseId, collectionId: container, documents: items })
          : await api.op<{ rows: Array<{ $id: string }> }>('tablesDBCreateRow', { databaseId, tableId: container, rows: items })
      const made = 'documents' in created ? created.documents : created.rows
      ids.push(...made.map((r) => r.$id))
    }
  }
  return ids
}

const blobOf = (file: SeedFile): Blob => {
  if (file.blob) return file.blob
  if (file.base64 !== undefined) return new Blob([base64ToBytes(file.base64)], { type: file.type ?? 'application/octet-stream' })
  return new Blob([file.content ?? ''], { type: file.type ?? 'text/plain' })
}

/** Uploads files as the SDK does (one multipart request each; seed files are small). */
export const seedFiles = async (api: AdminClient, byBucket: Record<string, readonly SeedFile[]>): Promise<string[]> => {
  const ids: string[] = []
  for (const [bucketId, files] of Object.entries(byBucket)) {
    for (const file of files) {
      const form = new FormData()
      form.append('fileId', file.$id ?? 'unique()')
      form.append('file', blobOf(file), file.name)
      for (const permission of file.$permissions ?? []) form.append('permissions[]', permission)
      const created = await api.op('storageCreateFile', { bucketId }, form)
      ids.push(String(created.$id))
    }
  }
  return ids
}
