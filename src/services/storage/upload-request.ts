import { assertGrantable, defaultOwnerPermissions, normalizePermissions } from '../../auth/permissions.js'
import type { RequestContext } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import { CUSTOM_ID } from '../../util/id.js'
import { bucketAllows, unauthorized } from './access.js'
import { CHUNK_SIZE, storageLimit } from './limits.js'
import { parseContentRange } from './ranges.js'
import type { BucketRecord } from './records.js'
import type { Upload } from './upload-records.js'

/** One `createFile` request, read as Appwrite reads it. */
export interface UploadRequest {
  fileId: string
  /** The part's own bytes (a chunk, or the whole file). */
  part: Blob
  name: string
  /** The whole file's size: the Content-Range total when chunked. */
  size: number
  /** 1-based chunk number: `floor(start / 5 MiB) + 1`. */
  chunk: number
  /** `ceil(size / 5 MiB)`; 1 for a plain upload. */
  chunks: number
  chunked: boolean
}

const FOLDER_RULE =
  'Folder must be `/`-separated segments without empty, `.`, or `..` segments, must not start with `/`, must not contain control characters, and must be at most 2048 characters long including the trailing slash.'

/** A file's virtual folder (Appwrite's `Folder` validator), normalised to end with `/`; the root is `''`. */
export const checkFolder = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return ''
  const text = String(value)
  const normalized = text.endsWith('/') ? text : `${text}/`
  const bare = normalized.slice(0, -1)
  const valid =
    normalized.length <= 2048 &&
    ![...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) &&
    bare !== '' &&
    bare.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  if (!valid) throw invalidParam('folder', FOLDER_RULE)
  return normalized
}

/** The request's own parameters, checked before any bucket is looked at (Appwrite's router does so). */
export interface FileRequest {
  bucketId: string
  /** The `fileId` param, `unique()` already replaced by a new ID. */
  fileId: string
  permissions: string[] | null
  folder: string
}

/** The bucket's rules for a new file or chunk, in Appwrite's order; returns the upload they admit. */
export const admitUpload = (ctx: RequestContext, bucket: BucketRecord, request: FileRequest): Upload => {
  if (!bucketAllows(ctx, bucket, 'create')) throw unauthorized(ctx, 'create', bucket.$permissions)
  const permissions = request.permissions ?? defaultOwnerPermissions(ctx.caller)
  assertGrantable(ctx.caller, permissions)
  if (bucket.maximumFileSize > storageLimit(ctx.settings)) {
    throw new AppwriteError('general_server_error', { message: 'Maximum bucket file size is larger than _APP_STORAGE_LIMIT' })
  }
  return { ...readUpload(ctx, bucket, request.fileId), permissions, folder: request.folder }
}

/** A file's permissions param: `null` when omitted (the caller's defaults apply), `create` not allowed. */
export const readFilePermissions = (value: unknown): string[] | null =>
  value === undefined || value === null ? null : normalizePermissions('permissions', value, ['read', 'update', 'delete'])

const extensionOf = (name: string): string => {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase()
}

/**
 * Reads the file part, `Content-Range` and `X-Appwrite-ID`, then checks the bucket's extension and size rules,
 * in Appwrite's order: empty → content range → id → extension → size. `fileIdParam` is already resolved
 * (`unique()` replaced); chunks after the first name their file in `X-Appwrite-ID`.
 */
export const readUpload = (ctx: RequestContext, bucket: BucketRecord, fileIdParam: string): UploadRequest => {
  const part = ctx.params.file
  if (!(part instanceof Blob)) throw new AppwriteError('storage_file_empty')
  const name = part instanceof File ? part.name : ''
  let fileId = fileIdParam
  let size = 0
  let chunk = 1
  let chunks = 1
  const header = ctx.request.headers.get('content-range')
  if (header) {
    const range = parseContentRange(header)
    if (!range) throw new AppwriteError('storage_invalid_content_range')
    fileId = ctx.request.headers.get('x-appwrite-id') || fileId
    if (!CUSTOM_ID.test(fileId)) throw new AppwriteError('storage_invalid_appwrite_id')
    size = range.size
    chunks = Math.ceil(size / CHUNK_SIZE)
    chunk = Math.floor(range.start / CHUNK_SIZE) + 1
  } else {
    // Only here: a chunk's own size is never needed, and reading it costs milliseconds in Chromium's worker.
    size = part.size
  }
  const allowed = bucket.allowedFileExtensions
  if (allowed.length && !allowed.includes(extensionOf(name))) {
    throw new AppwriteError('storage_file_type_unsupported', { message: 'File extension not allowed' })
  }
  if (size > bucket.maximumFileSize) throw new AppwriteError('storage_invalid_file_size', { message: 'File size not allowed' })
  return { fileId, part, name, size, chunk, chunks, chunked: !!header }
}
