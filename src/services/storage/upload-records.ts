import type { RequestContext } from '../../engine/context.js'
import { formatDate } from '../../util/time.js'
import type { FinishedContent } from './finalize-content.js'
import type { BucketRecord, FileRecord } from './records.js'
import type { UploadRequest } from './upload-request.js'

/** An upload the bucket admitted: the request, with the permissions and folder the file gets. */
export interface Upload extends UploadRequest {
  permissions: string[]
  folder: string
}

/** The record a new upload starts as: no signature or type yet, no chunk counted. */
export const newFileRecord = (ctx: RequestContext, bucket: BucketRecord, upload: Upload, sequence: number): FileRecord => {
  const now = formatDate(ctx.now)
  return {
    bucketId: bucket.$id,
    $id: upload.fileId,
    $sequence: sequence,
    $createdAt: now,
    $updatedAt: now,
    $permissions: upload.permissions,
    name: upload.name,
    folder: upload.folder,
    signature: '',
    mimeType: '',
    sizeOriginal: upload.size,
    sizeActual: 0,
    chunksTotal: upload.chunks,
    chunksUploaded: 0,
    parts: [],
    algorithm: '',
    stored: 'none',
    encrypted: false,
    search: `${upload.fileId} ${upload.name}`,
  }
}

/** The record once its bytes are whole: Appwrite sets the permissions of the completing request. */
export const finishedRecord = (file: FileRecord, done: FinishedContent, permissions: string[], now: string): FileRecord => ({
  ...file,
  $permissions: permissions,
  $updatedAt: now,
  signature: done.signature,
  mimeType: done.mimeType,
  sizeActual: done.sizeActual,
  algorithm: done.algorithm,
  stored: done.stored,
  encrypted: done.encrypted,
  chunksUploaded: file.chunksTotal,
})
