import { type RequestContext, reply } from '../../engine/context.js'
import { formatDate } from '../../util/time.js'
import { checkBucket } from './access.js'
import { completeOnce } from './complete-upload.js'
import { CHUNK_SIZE } from './limits.js'
import { parseContentRange } from './ranges.js'
import { type BucketRecord, type FileRecord, fileView } from './records.js'
import { dropHash, offerChunk } from './running-hash.js'
import { type FileRequest, admitUpload } from './upload-request.js'
import { newFileRecord } from './upload-records.js'

/** The file id, chunk number and bytes of a chunk request, as far as they can be read before any check. */
const chunkOf = (ctx: RequestContext, request: FileRequest) => {
  const range = parseContentRange(ctx.request.headers.get('content-range') ?? '')
  const part = ctx.params.file
  const fileId = ctx.request.headers.get('x-appwrite-id') || request.fileId
  return { fileId, key: `${request.bucketId}/${fileId}`, index: range ? Math.floor(range.start / CHUNK_SIZE) + 1 : 0, part }
}

/**
 * One chunk of a chunked upload. The first request to arrive creates the file; each part is kept under its
 * chunk number (a repeated one is ignored) and listed in the record, and `chunksUploaded` counts the distinct
 * parts, so chunks may come in any order, eight at once, or days apart after the tab was closed.
 * @note One write per chunk, with two round trips: the part is added while the bucket, the file and the next
 * sequence are read, then the record is written. Chunk writes queue one behind the other, so every round
 * trip inside one idles the disk.
 * @note The chunk that completes the set leaves `chunksUploaded` below `chunksTotal` until the file is
 * joined, so a worker stopped half way through that work finishes it when any chunk is sent again.
 */
export const receiveChunk = async (ctx: RequestContext, request: FileRequest) => {
  const early = chunkOf(ctx, request)
  // Hashing starts before the write, to overlap it; if the chunk is not stored, the running hash is dropped.
  if (early.index && early.part instanceof Blob) offerChunk(ctx.store, early.key, early.index, early.part)
  const step = await ctx.store
    .write(
      async (w) => {
        const reads = Promise.all([
          w.table('buckets').get(request.bucketId) as Promise<BucketRecord | undefined>,
          w.table('files').get([request.bucketId, early.fileId]) as Promise<FileRecord | undefined>,
          w.table('files').orderBy('$sequence').last() as Promise<FileRecord | undefined>,
        ])
        // The part goes in beside the reads, not after them: one round trip less while the store is locked. A
        // refused request undoes it with the rest.
        const part = { bucketId: request.bucketId, fileId: early.fileId, index: early.index, blob: early.part }
        const adding = early.index && early.part instanceof Blob ? w.add('fileParts', part).then(() => true, (error: unknown) => error) : null
        const [[bucketRow, found, last], added] = await Promise.all([reads, adding])
        const bucket = checkBucket(ctx, bucketRow)
        const upload = admitUpload(ctx, bucket, request)
        const file = found ?? newFileRecord(ctx, bucket, upload, (last?.$sequence ?? 0) + 1)
        const complete = !!found && found.chunksUploaded >= found.chunksTotal
        const fresh = !complete && !file.parts.includes(upload.chunk)
        if (fresh) {
          if (added === null) await w.add('fileParts', { bucketId: bucket.$id, fileId: upload.fileId, index: upload.chunk, blob: upload.part })
          else if (added !== true) throw added
        } else if (added === true) {
          // A repeated chunk, or one after completion: the bytes stored first stay the only ones.
          await w.delete('fileParts', [part.bucketId, part.fileId, part.index])
        }
        if (complete) return { bucket, upload, file: found, fresh: false, status: 'complete' as const }
        const parts = fresh ? [...file.parts, upload.chunk] : file.parts
        const whole = parts.length >= file.chunksTotal
        const next = { ...file, parts, chunksUploaded: whole ? file.chunksUploaded : parts.length, $updatedAt: formatDate(ctx.now) }
        await w.put('files', next)
        return { bucket, upload, file: next, fresh, status: whole ? ('whole' as const) : ('partial' as const) }
      },
      { stores: ['buckets', 'files', 'fileParts'] },
    )
    .catch((error) => {
      dropHash(ctx.store, early.key)
      throw error
    })
  const { bucket, upload, file } = step
  // A repeated chunk keeps the bytes stored first, which need not be the ones just hashed: hash the stored
  // parts at completion instead.
  if (!step.fresh) dropHash(ctx.store, early.key)
  // A chunk sent again after completion gets the finished file, 200, and no event.
  if (step.status === 'complete') return reply({ status: 200, body: fileView(file) })
  if (step.status === 'partial') return reply({ status: 201, body: fileView(file) })
  return completeOnce(ctx, bucket, file, upload.permissions)
}
