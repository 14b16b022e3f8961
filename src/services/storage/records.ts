import type { RequestContext } from '../../engine/context.js'
import { rolesFor } from '../../auth/permissions.js'
import type { Writer } from '../../store/write-path.js'
import type { Table } from 'dexie'

/** Dexie itself, or a `Writer` inside a write. */
export type TableSource = { table(name: string): Table }

export type Compression = 'none' | 'gzip' | 'zstd'

/** A bucket as stored (Appwrite's `buckets` collection). */
export interface BucketRecord {
  $id: string
  $sequence: number
  $createdAt: string
  $updatedAt: string
  $permissions: string[]
  name: string
  fileSecurity: boolean
  enabled: boolean
  maximumFileSize: number
  allowedFileExtensions: string[]
  compression: Compression
  encryption: boolean
  antivirus: boolean
  transformations: boolean
  /** Appwrite's fulltext `search` attribute: id and name. */
  search: string
}

/** A file as stored (a `bucket_<n>` document). Its bytes live in `fileParts`. */
export interface FileRecord {
  bucketId: string
  $id: string
  $sequence: number
  $createdAt: string
  $updatedAt: string
  $permissions: string[]
  name: string
  folder: string
  signature: string
  mimeType: string
  sizeOriginal: number
  sizeActual: number
  chunksTotal: number
  chunksUploaded: number
  /** Chunk numbers stored so far (Appwrite's upload `metadata.parts`): a repeated chunk is found here. */
  parts: number[]
  /** The compression reported (`''` while uploading). */
  algorithm: '' | Compression
  /** How the stored bytes are really encoded (zstd is reported but stored plain where the platform lacks it). */
  stored: Compression
  /** Whether Appwrite would have encrypted the file (reported only: IndexedDB is the project's own storage). */
  encrypted: boolean
  search: string
}

/**
 * One stored piece of a file. During an upload, part N is chunk N (1-based). A finished file keeps its chunks
 * as they came, so no byte is copied; a compressed file is one part, index 0.
 */
export interface PartRecord {
  bucketId: string
  fileId: string
  index: number
  blob: Blob
}

export const bucketView = (bucket: BucketRecord) => ({ ...bucket, totalSize: 0 })

/** The File model: `compression` is the algorithm used, `encryption` whether a cipher ran, `key` folder + name. */
export const fileView = (file: FileRecord) => ({
  ...file,
  key: file.folder + file.name,
  encryption: file.encrypted,
  compression: file.algorithm,
})

export const findBucket = (ctx: RequestContext, bucketId: string): Promise<BucketRecord | undefined> =>
  ctx.store.db.table('buckets').get(bucketId)

export const findFile = (ctx: RequestContext, bucketId: string, fileId: string): Promise<FileRecord | undefined> =>
  ctx.store.db.table('files').get([bucketId, fileId])

/** The next `$sequence` of a store, read inside the write so two requests never share one. */
export const nextSequence = async (w: Writer, store: 'buckets' | 'files'): Promise<number> => {
  const last = await w.table(store).orderBy('$sequence').last()
  return ((last?.$sequence as number | undefined) ?? 0) + 1
}

/** Who may receive a file event: the bucket's readers, plus the file's own when `fileSecurity` is on. */
const fileReadRoles = (bucket: BucketRecord, file: FileRecord): string[] => [
  ...new Set([...rolesFor(bucket.$permissions, 'read'), ...(bucket.fileSecurity ? rolesFor(file.$permissions, 'read') : [])]),
]

export const fileEvent = (ctx: RequestContext, bucket: BucketRecord, file: FileRecord, action: 'create' | 'update' | 'delete') =>
  ctx.event([`buckets.${bucket.$id}.files.${file.$id}.${action}`], 'file', fileView(file), fileReadRoles(bucket, file))

/** Bucket events go to the console only (no realtime channel), so no client role receives them. */
export const bucketEvent = (ctx: RequestContext, bucket: BucketRecord, action: 'create' | 'update' | 'delete') =>
  ctx.event([`buckets.${bucket.$id}.${action}`], 'bucket', bucketView(bucket), [])
