import { assertGrantable, defaultOwnerPermissions } from '../../auth/permissions.js'
import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { ProjectStore } from '../../store/project-store.js'
import type { Writer } from '../../store/write-path.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkUid, resolveId } from '../common/validators.js'
import { bucketAllows, loadBucket, unauthorized } from './access.js'
import { countParts, deleteParts, hasPart, readParts } from './file-parts.js'
import { CHUNK_SIZE, storageLimit } from './limits.js'
import { parseContentRange } from './ranges.js'
import { type FinishedContent, finishContent } from './finalize-content.js'
import { type BucketRecord, type FileRecord, fileEvent, fileView, nextSequence } from './records.js'
import { dropHash, offerChunk, takeDigest } from './running-hash.js'
import { type UploadRequest, checkFolder, readFilePermissions, readUpload } from './upload-request.js'

interface Upload extends UploadRequest {
  permissions: string[]
  folder: string
}

/** Completions running now, per project store: a repeated last chunk waits for the first one's work. */
const completing = new WeakMap<ProjectStore, Map<string, Promise<FileRecord>>>()

const newRecord = async (ctx: RequestContext, w: Writer, bucket: BucketRecord, upload: Upload): Promise<FileRecord> => {
  const now = formatDate(ctx.now)
  return {
    bucketId: bucket.$id,
    $id: upload.fileId,
    $sequence: await nextSequence(w, 'files'),
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
    algorithm: '',
    stored: 'none',
    encrypted: false,
    search: `${upload.fileId} ${upload.name}`,
  }
}

const finished = (file: FileRecord, done: FinishedContent, permissions: string[], now: string): FileRecord => ({
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

/** Keeps the compressed bytes in place of the uploaded parts. */
const storeCompressed = async (w: Writer, file: FileRecord, done: FinishedContent) => {
  if (!done.compressed) return
  await deleteParts(w, file.bucketId, file.$id)
  await w.add('fileParts', { bucketId: file.bucketId, fileId: file.$id, index: 0, blob: done.compressed })
}

/** A plain upload (no Content-Range): hashed and stored in one go. */
const storeWhole = async (ctx: RequestContext, bucket: BucketRecord, upload: Upload) => {
  const key = [bucket.$id, upload.fileId]
  if (await ctx.store.db.table('files').get(key)) throw new AppwriteError('storage_file_already_exists')
  const done = await finishContent([upload.part], upload.name, upload.size, bucket)
  const file = await ctx.store.write(async (w) => {
    if (await w.table('files').get(key)) throw new AppwriteError('storage_file_already_exists')
    const record = finished(await newRecord(ctx, w, bucket, upload), done, upload.permissions, formatDate(ctx.now))
    const blob = done.compressed ?? upload.part
    await w.add('fileParts', { bucketId: bucket.$id, fileId: upload.fileId, index: done.compressed ? 0 : 1, blob })
    await w.add('files', record)
    w.emit(fileEvent(ctx, bucket, record, 'create'))
    return record
  })
  return reply({ status: 201, body: fileView(file) })
}

/** Joins the stored chunks: signature, MIME type, compression; then the file is complete and announced. */
const completeUpload = async (ctx: RequestContext, bucket: BucketRecord, file: FileRecord, permissions: string[]) => {
  const parts = await readParts(ctx.store.db, file.bucketId, file.$id)
  const signature = await takeDigest(ctx.store, `${file.bucketId}/${file.$id}`, file.chunksTotal)
  const done = await finishContent(
    parts.map((p) => p.blob),
    file.name,
    file.sizeOriginal,
    bucket,
    signature,
  )
  return ctx.store.write(async (w) => {
    const current = (await w.table('files').get([file.bucketId, file.$id])) as FileRecord | undefined
    if (!current) throw new AppwriteError('storage_file_not_found')
    if (current.chunksUploaded >= current.chunksTotal) return current
    const next = finished(current, done, permissions, formatDate(ctx.now))
    await storeCompressed(w, next, done)
    await w.put('files', next)
    w.emit(fileEvent(ctx, bucket, next, 'create'))
    return next
  })
}

const completeOnce = async (ctx: RequestContext, bucket: BucketRecord, file: FileRecord, permissions: string[]) => {
  const running = completing.get(ctx.store) ?? new Map<string, Promise<FileRecord>>()
  completing.set(ctx.store, running)
  const key = `${file.bucketId}/${file.$id}`
  const pending = running.get(key)
  if (pending) return reply({ status: 200, body: fileView(await pending) })
  const work = completeUpload(ctx, bucket, file, permissions).finally(() => running.delete(key))
  running.set(key, work)
  return reply({ status: 201, body: fileView(await work) })
}

/**
 * One chunk of a chunked upload. The first request to arrive creates the file; each part is kept under its
 * chunk number (a repeated one is ignored), and `chunksUploaded` counts the distinct parts, so chunks may
 * come in any order, eight at once, or days apart after the tab was closed.
 * @note The bucket is read and checked inside the same write as the chunk: a separate read would wait for the
 * previous chunk's write anyway, and leave the disk idle while it runs.
 * @note The chunk that completes the set leaves `chunksUploaded` below `chunksTotal` until the file is
 * joined, so a worker stopped half way through that work finishes it when any chunk is sent again.
 */
const receiveChunk = async (ctx: RequestContext, request: FileRequest) => {
  // Hashing starts before the write, to overlap it; if the chunk is not stored, the running hash is dropped.
  const early = chunkOf(ctx, request)
  if (early) offerChunk(ctx.store, early.key, early.index, early.part)
  const step = await ctx.store.write(async (w) => {
    const bucket = await loadBucket(ctx, request.bucketId, w)
    const upload = admit(ctx, bucket, request)
    let file = (await w.table('files').get([bucket.$id, upload.fileId])) as FileRecord | undefined
    if (file && file.chunksUploaded >= file.chunksTotal) return { bucket, upload, file, fresh: false, status: 'complete' as const }
    if (!file) {
      file = await newRecord(ctx, w, bucket, upload)
      await w.add('files', file)
    }
    const fresh = !(await hasPart(w, bucket.$id, upload.fileId, upload.chunk))
    if (fresh) await w.add('fileParts', { bucketId: bucket.$id, fileId: upload.fileId, index: upload.chunk, blob: upload.part })
    // `chunksUploaded` is the number of stored parts, so a new part adds one; a repeated one recounts, in
    // case a completion was cut off (it leaves the count one short until it is done).
    const uploaded = fresh ? file.chunksUploaded + 1 : Math.max(file.chunksUploaded, await countParts(w, bucket.$id, upload.fileId))
    if (uploaded >= file.chunksTotal) return { bucket, upload, file, fresh, status: 'whole' as const }
    file = { ...file, chunksUploaded: uploaded, $updatedAt: formatDate(ctx.now) }
    await w.put('files', file)
    return { bucket, upload, file, fresh, status: 'partial' as const }
  }).catch((error) => {
    if (early) dropHash(ctx.store, early.key)
    throw error
  })
  const { bucket, upload, file } = step
  if (early && step.status === 'complete') dropHash(ctx.store, early.key)
  // A chunk sent again after completion gets the finished file, 200, and no event.
  if (step.status === 'complete') return reply({ status: 200, body: fileView(file) })
  if (step.status === 'partial') return reply({ status: 201, body: fileView(file) })
  return completeOnce(ctx, bucket, file, upload.permissions)
}

/** The request's own parameters, checked before any bucket is looked at (Appwrite's router does so). */
interface FileRequest {
  bucketId: string
  fileId: string
  permissions: string[] | null
  folder: string
}

/** The running-hash key, chunk number and bytes of a chunk request, as far as they can be read unchecked. */
const chunkOf = (ctx: RequestContext, request: FileRequest) => {
  const range = parseContentRange(ctx.request.headers.get('content-range') ?? '')
  const part = ctx.params.file
  if (!range || !(part instanceof Blob)) return null
  const fileId = ctx.request.headers.get('x-appwrite-id') || request.fileId
  return { key: `${request.bucketId}/${fileId}`, index: Math.floor(range.start / CHUNK_SIZE) + 1, part }
}

/** The bucket's rules for a new file or chunk, in Appwrite's order; returns the upload they admit. */
const admit = (ctx: RequestContext, bucket: BucketRecord, request: FileRequest): Upload => {
  if (!bucketAllows(ctx, bucket, 'create')) throw unauthorized(ctx, 'create', bucket.$permissions)
  const permissions = request.permissions ?? defaultOwnerPermissions(ctx.caller)
  assertGrantable(ctx.caller, permissions)
  if (bucket.maximumFileSize > storageLimit(ctx.settings)) {
    throw new AppwriteError('general_server_error', { message: 'Maximum bucket file size is larger than _APP_STORAGE_LIMIT' })
  }
  return { ...readUpload(ctx, bucket, request.fileId), permissions, folder: request.folder }
}

/**
 * `POST /storage/buckets/:bucketId/files`, exactly as the SDK sends it: one multipart request up to 5 MiB,
 * above that 5 MiB chunks with `Content-Range` (and `X-Appwrite-ID` after the first).
 */
export const createFile = async (ctx: RequestContext) => {
  const request: FileRequest = {
    bucketId: checkUid('bucketId', ctx.params.bucketId),
    fileId: resolveId(checkCustomId('fileId', ctx.params.fileId), ctx.newId),
    permissions: readFilePermissions(ctx.params.permissions),
    folder: checkFolder(ctx.params.folder),
  }
  if (ctx.request.headers.get('content-range')) return receiveChunk(ctx, request)
  const bucket = await loadBucket(ctx, request.bucketId)
  return storeWhole(ctx, bucket, admit(ctx, bucket, request))
}
