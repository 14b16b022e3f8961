import { type RequestContext, reply } from '../../engine/context.js'
import { baseHeaders } from '../../engine/respond.js'
import { AppwriteError } from '../../errors/index.js'
import { checkUid } from '../common/validators.js'
import { loadBucket, readableFile } from './access.js'
import { readContent } from './file-parts.js'
import { resolveFileGrant } from './file-tokens.js'
import { DOWNLOAD_RANGE_CAP, READ_BUFFER } from './limits.js'
import { parseRange, satisfiableRange } from './ranges.js'
import type { BucketRecord, FileRecord } from './records.js'

/** `app/config/storage/mimes.php`: the types `/view` serves as themselves; anything else is `text/plain`. */
const VIEWABLE = new Set([
  'image/jpeg', 'image/gif', 'image/png', 'image/webp', 'image/heic', 'image/heic-sequence', 'image/avif',
  'video/mp4', 'video/x-flv', 'video/webm', 'application/x-mpegURL', 'video/MP2T', 'video/3gpp', 'video/quicktime',
  'video/x-msvideo', 'video/x-ms-wmv',
  'audio/basic', 'auido/L24', 'audio/mid', 'audio/mpeg', 'audio/mp4', 'audio/x-aiff', 'audio/x-mpegurl',
  'audio/vnd.rn-realaudio', 'audio/ogg', 'audio/vorbis', 'audio/vnd.wav', 'audio/x-wav', 'audio/aac', 'audio/x-hx-aac-adts',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template', 'application/vnd.ms-word.document.macroEnabled.12',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template', 'application/vnd.ms-excel.sheet.macroEnabled.12',
  'application/vnd.ms-excel.template.macroEnabled.12', 'application/vnd.ms-excel.addin.macroEnabled.12',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.12', 'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.template',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow', 'application/vnd.ms-powerpoint.addin.macroEnabled.12',
  'application/vnd.ms-powerpoint.presentation.macroEnabled.12', 'application/vnd.ms-powerpoint.template.macroEnabled.12',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.12', 'application/vnd.ms-access', 'application/pdf',
])

/** 45 days, both routes. */
const CACHE_CONTROL = 'private, max-age=3888000'

/**
 * A header value carrying the name's UTF-8 bytes, as PHP writes them on the wire (a `Headers` value may only
 * hold code points up to U+00FF).
 */
const headerText = (text: string) => String.fromCharCode(...new TextEncoder().encode(text))

/** Bucket, token, file: the read access every URL route shares. An unfinished upload has no bytes yet. */
export const fileForUrl = async (ctx: RequestContext, checkBucket?: (bucket: BucketRecord) => void) => {
  const bucket = await loadBucket(ctx, checkUid('bucketId', ctx.params.bucketId))
  checkBucket?.(bucket)
  const fileId = checkUid('fileId', ctx.params.fileId)
  const file = await readableFile(ctx, bucket, fileId, await resolveFileGrant(ctx))
  if (file.chunksUploaded < file.chunksTotal) throw new AppwriteError('storage_file_not_found')
  return { bucket, file }
}

const serve = async (ctx: RequestContext, file: FileRecord, mode: 'view' | 'download') => {
  const content = await readContent(ctx.store.db, file)
  const headers = baseHeaders()
  const size = file.sizeOriginal
  let body: Blob = content
  let status = 200
  const rangeHeader = ctx.request.headers.get('range')
  if (rangeHeader) {
    const cap = mode === 'view' ? READ_BUFFER : DOWNLOAD_RANGE_CAP
    const range = satisfiableRange(parseRange(rangeHeader), size, READ_BUFFER, cap)
    if (!range) throw new AppwriteError('storage_invalid_range')
    body = content.slice(range.start, range.end + 1)
    status = 206
    headers.set('Accept-Ranges', 'bytes')
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
  }
  const name = headerText(file.name)
  if (mode === 'view') {
    headers.set('Content-Type', VIEWABLE.has(file.mimeType) ? file.mimeType : 'text/plain')
    headers.set('Content-Security-Policy', 'script-src none;')
    headers.set('Content-Disposition', `inline; filename="${name}"`)
  } else {
    headers.set('Content-Type', file.mimeType)
    headers.set('Content-Disposition', `attachment; filename="${name}"`)
  }
  headers.set('Cache-Control', CACHE_CONTROL)
  headers.set('Content-Length', String(body.size))
  return reply({ response: new Response(body, { status, headers }) })
}

/**
 * `GET …/view`: the original bytes for `<img src>`, `<video>` and `fetch`. Allow-listed types are served as
 * themselves, anything else (HTML, SVG, JS) as `text/plain`. `Range` gives 206, or 416 as Appwrite answers.
 */
export const getFileView = async (ctx: RequestContext) => serve(ctx, (await fileForUrl(ctx)).file, 'view')

/** `GET …/download`: the original bytes as an attachment, under the file's own MIME type. */
export const getFileDownload = async (ctx: RequestContext) => serve(ctx, (await fileForUrl(ctx)).file, 'download')
