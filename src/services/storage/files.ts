import { assertGrantable, isAllowed } from '../../auth/permissions.js'
import { type RequestContext, reply } from '../../engine/context.js'
import { invalidParam } from '../../errors/index.js'
import { cursorNotFound, evaluateQueries, parseQueries, searchMatches, validateQueries } from '../../query/index.js'
import { formatDate } from '../../util/time.js'
import { checkText, checkUid } from '../common/validators.js'
import { checkBucketGate, loadBucket, readableFile, writableFile } from './access.js'
import { deleteParts } from './file-parts.js'
import { type FileRecord, fileEvent, fileView } from './records.js'
import { readFilePermissions } from './upload-request.js'

/** The attributes Appwrite's `Files` query validator accepts. */
const FILE_ATTRIBUTES = [
  { key: 'name', type: 'string' },
  { key: 'folder', type: 'string' },
  { key: 'signature', type: 'string' },
  { key: 'mimeType', type: 'string' },
  { key: 'sizeOriginal', type: 'integer' },
  { key: 'chunksTotal', type: 'integer' },
  { key: 'chunksUploaded', type: 'integer' },
] as const

const bucketOf = (ctx: RequestContext) => loadBucket(ctx, checkUid('bucketId', ctx.params.bucketId))
const fileIdOf = (ctx: RequestContext) => checkUid('fileId', ctx.params.fileId)

/**
 * `GET …/files`: every file with the bucket's `read`; with `fileSecurity` only the files the caller may read
 * (the cursor too must be one of those); neither → 401.
 */
export const listFiles = async (ctx: RequestContext) => {
  const bucket = await bucketOf(ctx)
  const bucketRead = checkBucketGate(ctx, bucket, 'read')
  const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
    attributes: FILE_ATTRIBUTES,
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const search = String(ctx.params.search ?? '')
  if (search.length > 256) throw invalidParam('search', 'Value must be a valid string and no longer than 256 chars')
  let files = (await ctx.store.db.table('files').where('bucketId').equals(bucket.$id).sortBy('$sequence')) as FileRecord[]
  if (!bucketRead) files = files.filter((f) => isAllowed(ctx.caller, f.$permissions, 'read'))
  if (search) files = files.filter((f) => searchMatches(f.search, search))
  const { total, records } = evaluateQueries(files, queries, {
    total: ctx.params.total !== false,
    cursorNotFound: cursorNotFound('File'),
  })
  return { total, files: records.map(fileView) }
}

export const getFile = async (ctx: RequestContext) => {
  const bucket = await bucketOf(ctx)
  return fileView(await readableFile(ctx, bucket, fileIdOf(ctx)))
}

/** `PUT …/files/:fileId`: name and permissions; an omitted one stays as it is. */
export const updateFile = async (ctx: RequestContext) => {
  const bucket = await bucketOf(ctx)
  const fileId = fileIdOf(ctx)
  const name = ctx.params.name === undefined || ctx.params.name === null ? null : checkText('name', ctx.params.name, 128)
  const permissions = readFilePermissions(ctx.params.permissions)
  const file = await writableFile(ctx, bucket, fileId, 'update')
  if (permissions) assertGrantable(ctx.caller, permissions)
  const next: FileRecord = {
    ...file,
    name: name ?? file.name,
    $permissions: permissions ?? file.$permissions,
    $updatedAt: formatDate(ctx.now),
  }
  next.search = `${next.$id} ${next.name}`
  await ctx.store.write(async (w) => {
    await w.put('files', next)
    w.emit(fileEvent(ctx, bucket, next, 'update'))
  })
  return fileView(next)
}

/** `DELETE …/files/:fileId`: the file, its bytes (an unfinished upload's chunks too) and its tokens. */
export const deleteFile = async (ctx: RequestContext) => {
  const bucket = await bucketOf(ctx)
  const file = await writableFile(ctx, bucket, fileIdOf(ctx), 'delete')
  await ctx.store.write(async (w) => {
    await deleteParts(w, file.bucketId, file.$id)
    await w.bulkDelete('resourceTokens', await w.table('resourceTokens').where('[bucketId+fileId]').equals([file.bucketId, file.$id]).primaryKeys())
    await w.delete('files', [file.bucketId, file.$id])
    w.emit(fileEvent(ctx, bucket, file, 'delete'))
  })
  return reply({ status: 204 })
}
