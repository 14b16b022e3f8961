import Dexie from 'dexie'
import type { Writer } from '../../store/write-path.js'
import { decompressBlob } from './compression.js'
import type { FileRecord, PartRecord, TableSource } from './records.js'

type Db = TableSource

const partsOf = (db: Db, bucketId: string, fileId: string) =>
  db.table('fileParts').where('[bucketId+fileId+index]').between([bucketId, fileId, Dexie.minKey], [bucketId, fileId, Dexie.maxKey])

/** A file's stored parts in index order (Blob handles: no byte is read). */
export const readParts = (db: Db, bucketId: string, fileId: string): Promise<PartRecord[]> =>
  partsOf(db, bucketId, fileId).toArray() as Promise<PartRecord[]>

export const deleteParts = async (w: Writer, bucketId: string, fileId: string): Promise<void> =>
  w.bulkDelete('fileParts', await partsOf(w, bucketId, fileId).primaryKeys())

/**
 * A file's original bytes as one Blob made of its stored part Blobs, decompressed when it was stored
 * compressed. Nothing is read until the Blob is.
 */
export const readContent = async (db: Db, file: FileRecord): Promise<Blob> => {
  const parts = await readParts(db, file.bucketId, file.$id)
  const stored = new Blob(
    parts.map((p) => p.blob),
    { type: file.mimeType },
  )
  return file.stored === 'none' ? stored : decompressBlob(stored, file.stored, file.mimeType)
}
