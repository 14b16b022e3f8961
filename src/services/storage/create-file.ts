import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkUid, resolveId } from '../common/validators.js'
import { loadBucket } from './access.js'
import { finishContent } from './finalize-content.js'
import { receiveChunk } from './receive-chunk.js'
import { type BucketRecord, fileEvent, fileView, nextSequence } from './records.js'
import { type FileRequest, admitUpload, checkFolder, readFilePermissions } from './upload-request.js'
import { type Upload, finishedRecord, newFileRecord } from './upload-records.js'

/** A plain upload (no Content-Range): hashed and stored in one go. */
const storeWhole = async (ctx: RequestContext, bucket: BucketRecord, upload: Upload) => {
  const key = [bucket.$id, upload.fileId]
  if (await ctx.store.db.table('files').get(key)) throw new AppwriteError('storage_file_already_exists')
  const done = await finishContent([upload.part], upload.name, upload.size, bucket)
  const file = await ctx.store.write(async (w) => {
    if (await w.table('files').get(key)) throw new AppwriteError('storage_file_already_exists')
    const started = { ...newFileRecord(ctx, bucket, upload, await nextSequence(w, 'files')), parts: [1] }
    const record = finishedRecord(started, done, upload.permissions, formatDate(ctx.now))
    const blob = done.compressed ?? upload.part
    await w.add('fileParts', { bucketId: bucket.$id, fileId: upload.fileId, index: done.compressed ? 0 : 1, blob })
    await w.add('files', record)
    w.emit(fileEvent(ctx, bucket, record, 'create'))
    return record
  })
  return reply({ status: 201, body: fileView(file) })
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
  return storeWhole(ctx, bucket, admitUpload(ctx, bucket, request))
}
