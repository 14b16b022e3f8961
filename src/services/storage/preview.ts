import { type RequestContext, reply } from '../../engine/context.js'
import { baseHeaders } from '../../engine/respond.js'
import { AppwriteError } from '../../errors/index.js'
import { type Drawable, type IconKind, canRenderPreviews, placeholderIcon, renderPreview } from '../../image/index.js'
import { readContent } from './file-parts.js'
import { PREVIEW_LIMIT } from './limits.js'
import { defaultOutput, readPreviewParams } from './preview-params.js'
import type { FileRecord } from './records.js'
import { fileForUrl } from './serve-file.js'

/** `app/config/storage/inputs.php`: the types a preview really transforms. */
const INPUTS = new Set(['image/jpeg', 'image/png', 'image/heic', 'image/webp', 'image/gif'])

/** `app/config/storage/logos.php`: videos get the video icon; every other non-image the generic one. */
const VIDEO_TYPES = new Set([
  'video/mp4', 'video/x-flv', 'video/webm', 'application/x-mpegURL', 'video/MP2T', 'video/3gpp', 'video/quicktime',
  'video/x-msvideo', 'video/x-ms-wmv',
])

/** 30 days for a fresh render (Appwrite's server-side render cache is not kept: every answer is a miss). */
const CACHE_CONTROL = 'private, max-age=2592000'

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** The icon shown instead of the file, or `null` when the file itself is previewed. */
const iconFor = (file: FileRecord): IconKind | null => {
  if (!INPUTS.has(file.mimeType)) return VIDEO_TYPES.has(file.mimeType) ? 'video' : 'file'
  return file.sizeActual > PREVIEW_LIMIT ? 'image' : null
}

const decode = async (content: Blob): Promise<ImageBitmap> => {
  try {
    return await createImageBitmap(content)
  } catch (error) {
    throw new AppwriteError('storage_file_type_unsupported', { message: `Unable to decode the image: ${(error as Error).message}` })
  }
}

/**
 * `GET …/preview`: the image transformed in the worker with OffscreenCanvas. Files that are not images (or
 * are over 20 MB) preview as Appwrite's generic icon on an `eceff1` background.
 */
export const getFilePreview = async (ctx: RequestContext) => {
  const options = readPreviewParams(ctx.params)
  const { file } = await fileForUrl(ctx, (bucket) => {
    if (!bucket.transformations && !ctx.caller.key) throw new AppwriteError('storage_bucket_transformations_disabled')
  })
  if (!canRenderPreviews()) {
    throw new AppwriteError('general_not_implemented', {
      code: 501,
      message: 'Image previews need OffscreenCanvas and createImageBitmap (a browser, its workers or its service worker); this runtime has neither. View or download the file instead.',
    })
  }
  const icon = iconFor(file)
  const output = options.output || (icon ? 'png' : defaultOutput(extensionOf(file.name), file.mimeType))
  const background = icon && !options.background ? 'eceff1' : options.background
  const source: Drawable = icon ? placeholderIcon(icon) : await decode(await readContent(ctx.store.db, file))
  const rendered = await renderPreview(source, { ...options, output, background })
  if ('close' in source) source.close()
  const headers = baseHeaders()
  headers.set('Content-Type', rendered.type)
  headers.set('Cache-Control', CACHE_CONTROL)
  headers.set('X-Appwrite-Cache', 'miss')
  headers.set('Content-Length', String(rendered.size))
  return reply({ response: new Response(rendered, { status: 200, headers }) })
}
