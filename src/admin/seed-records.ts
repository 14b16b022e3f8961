import { base64ToBytes } from './portable-json.js'
import type { AdminClient } from './admin-caller.js'
import type { SeedFile, SeedRecord } from './seed-types.js'

const splitKey = (key: string, kind: string): [string, string] => {
  const [databaseId, container, ...rest] = key.split('/')
  if (!databaseId || !container || rest.length) throw new Error(`[offwrite] seed ${kind}: key "${key}" must be "<databaseId>/<id>"`)
  return [databaseId, container]
}

const fieldsOf = ({ $id: _id, $permissions: _permissions, ...fields }: SeedRecord) => fields

/** Creates documents (`databases`) or rows (`tablesDB`) one by one, each through the create route. */
export const seedRecords = async (
  api: AdminClient,
  kind: 'documents' | 'rows',
  byContainer: Record<string, readonly SeedRecord[]>,
): Promise<string[]> => {
  const ids: string[] = []
  for (const [key, records] of Object.entries(byContainer)) {
    const [databaseId, container] = splitKey(key, kind)
    for (const record of records) {
      const created =
        kind === 'documents'
          ? await api.op('databasesCreateDocument', {
              databaseId, collectionId: container, documentId: record.$id ?? 'unique()',
              data: fieldsOf(record), permissions: record.$permissions,
            })
          : await api.op('tablesDBCreateRow', {
              databaseId, tableId: container, rowId: record.$id ?? 'unique()',
              data: fieldsOf(record), permissions: record.$permissions,
            })
      ids.push(String(created.$id))
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
