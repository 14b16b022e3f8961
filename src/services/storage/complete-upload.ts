import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { ProjectStore } from '../../store/project-store.js'
import { formatDate } from '../../util/time.js'
import { deleteParts, readParts } from './file-parts.js'
import { finishContent } from './finalize-content.js'
import { type BucketRecord, type FileRecord, fileEvent, fileView } from './records.js'
import { takeDigest } from './running-hash.js'
import { finishedRecord } from './upload-records.js'

/** Completions running now, per project store: a repeated last chunk waits for the first one's work. */
const completing = new WeakMap<ProjectStore, Map<string, Promise<FileRecord>>>()

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
    const next = finishedRecord(current, done, permissions, formatDate(ctx.now))
    if (done.compressed) {
      // The compressed bytes replace the uploaded parts.
      await deleteParts(w, file.bucketId, file.$id)
      await w.add('fileParts', { bucketId: file.bucketId, fileId: file.$id, index: 0, blob: done.compressed })
    }
    await w.put('files', next)
    w.emit(fileEvent(ctx, bucket, next, 'create'))
    return next
  })
}

/**
 * Completes an upload whose chunks are all stored: 201 with the finished file. A request that arrives while
 * the same upload is being completed waits for it and gets 200, as after completion.
 */
export const completeOnce = async (ctx: RequestContext, bucket: BucketRecord, file: FileRecord, permissions: string[]) => {
  const running = completing.get(ctx.store) ?? new Map<string, Promise<FileRecord>>()
  completing.set(ctx.store, running)
  const key = `${file.bucketId}/${file.$id}`
  const pending = running.get(key)
  if (pending) return reply({ status: 200, body: fileView(await pending) })
  const work = completeUpload(ctx, bucket, file, permissions).finally(() => running.delete(key))
  running.set(key, work)
  return reply({ status: 201, body: fileView(await work) })
}
