import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import { cursorNotFound, evaluateQueries, parseQueries, searchMatches, validateQueries } from '../../query/index.js'
import { formatDate } from '../../util/time.js'
import { checkCustomId, checkUid, resolveId } from '../common/validators.js'
import { readBucketPermissions, readBucketSettings } from './bucket-params.js'
import { storageLimit } from './limits.js'
import { type BucketRecord, bucketEvent, bucketView, findBucket, nextSequence } from './records.js'

/** The attributes Appwrite's `Buckets` query validator accepts. */
const BUCKET_ATTRIBUTES = [
  { key: 'enabled', type: 'boolean' },
  { key: 'name', type: 'string' },
  { key: 'fileSecurity', type: 'boolean' },
  { key: 'maximumFileSize', type: 'integer' },
  { key: 'encryption', type: 'boolean' },
  { key: 'antivirus', type: 'boolean' },
  { key: 'transformations', type: 'boolean' },
] as const

const existingBucket = async (ctx: RequestContext): Promise<BucketRecord> => {
  const bucket = await findBucket(ctx, checkUid('bucketId', ctx.params.bucketId))
  if (!bucket) throw new AppwriteError('storage_bucket_not_found')
  return bucket
}

/** `POST /storage/buckets` (API key). */
export const createBucket = async (ctx: RequestContext) => {
  const id = checkCustomId('bucketId', ctx.params.bucketId)
  const settings = readBucketSettings(ctx.params, storageLimit(ctx.settings))
  const permissions = readBucketPermissions(ctx.params.permissions)
  const $id = resolveId(id, ctx.newId)
  const now = formatDate(ctx.now)
  const bucket = await ctx.store.write(async (w) => {
    if (await w.table('buckets').get($id)) throw new AppwriteError('storage_bucket_already_exists')
    const created: BucketRecord = {
      $id,
      $sequence: await nextSequence(w, 'buckets'),
      $createdAt: now,
      $updatedAt: now,
      $permissions: permissions,
      ...settings,
      search: `${$id} ${settings.name}`,
    }
    await w.add('buckets', created)
    w.emit(bucketEvent(ctx, created, 'create'))
    return created
  })
  return reply({ status: 201, body: bucketView(bucket) })
}

/** `GET /storage/buckets`: queries and `search` over id and name. */
export const listBuckets = async (ctx: RequestContext) => {
  const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
    attributes: BUCKET_ATTRIBUTES,
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const search = String(ctx.params.search ?? '')
  if (search.length > 256) throw invalidParam('search', 'Value must be a valid string and no longer than 256 chars')
  let buckets = (await ctx.store.db.table('buckets').orderBy('$sequence').toArray()) as BucketRecord[]
  if (search) buckets = buckets.filter((b) => searchMatches(b.search, search))
  const { total, records } = evaluateQueries(buckets, queries, {
    total: ctx.params.total !== false,
    cursorNotFound: cursorNotFound('Bucket'),
  })
  return { total, buckets: records.map(bucketView) }
}

export const getBucket = async (ctx: RequestContext) => bucketView(await existingBucket(ctx))

/** `PUT /storage/buckets/:bucketId`: omitted settings return to their defaults, omitted permissions stay. */
export const updateBucket = async (ctx: RequestContext) => {
  const current = await existingBucket(ctx)
  const settings = readBucketSettings(ctx.params, storageLimit(ctx.settings))
  const permissions = readBucketPermissions(ctx.params.permissions, current)
  const next: BucketRecord = {
    ...current,
    ...settings,
    $permissions: permissions,
    $updatedAt: formatDate(ctx.now),
    search: `${current.$id} ${settings.name}`,
  }
  await ctx.store.write(async (w) => {
    await w.put('buckets', next)
    w.emit(bucketEvent(ctx, next, 'update'))
  })
  return bucketView(next)
}

/** `DELETE /storage/buckets/:bucketId`: the bucket, its files, their bytes and their tokens. */
export const deleteBucket = async (ctx: RequestContext) => {
  const bucket = await existingBucket(ctx)
  await ctx.store.write(async (w) => {
    for (const table of ['files', 'fileParts', 'resourceTokens']) {
      await w.bulkDelete(table, await w.table(table).where('bucketId').equals(bucket.$id).primaryKeys())
    }
    await w.delete('buckets', bucket.$id)
    w.emit(bucketEvent(ctx, bucket, 'delete'))
  })
  return reply({ status: 204 })
}
