import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import { cursorNotFound, evaluateQueries, parseQueries, validateQueries } from '../../query/index.js'
import { formatDate } from '../../util/time.js'
import { checkUid } from '../common/validators.js'
import { loadBucket, readableFile } from './access.js'
import { type TokenRecord, tokenView } from './file-tokens.js'

const EXPIRE_RULE = 'Value must be valid date in the future and between 0000-01-01 00:00:00 and 9999-12-31 23:59:59. or null'

/** `expire`: a date in the future, or `null` for a token that never expires. */
const readExpire = (ctx: RequestContext): string | null => {
  const value = ctx.params.expire
  if (value === undefined || value === null) return null
  const date = typeof value === 'string' && value ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime()) || date < ctx.now) throw invalidParam('expire', EXPIRE_RULE)
  return formatDate(date)
}

const tokenEvent = (ctx: RequestContext, token: TokenRecord, action: 'create' | 'update' | 'delete', payload: object) =>
  ctx.event([`tokens.${token.$id}.${action}`], 'resourceToken', payload as Record<string, unknown>, [])

const fileOf = async (ctx: RequestContext) => {
  const bucket = await loadBucket(ctx, checkUid('bucketId', ctx.params.bucketId))
  const file = await readableFile(ctx, bucket, checkUid('fileId', ctx.params.fileId))
  return { bucket, file }
}

const existingToken = async (ctx: RequestContext): Promise<TokenRecord> => {
  const token = await ctx.store.db.table('resourceTokens').get(checkUid('tokenId', ctx.params.tokenId))
  if (!token) throw new AppwriteError('token_not_found')
  return token
}

/** `POST /tokens/buckets/:bucketId/files/:fileId` (API key): a token whose secret opens one file's URLs. */
export const createFileToken = async (ctx: RequestContext) => {
  const { bucket, file } = await fileOf(ctx)
  const expire = readExpire(ctx)
  const now = formatDate(ctx.now)
  const token: TokenRecord = {
    $id: ctx.newId(),
    $createdAt: now,
    $updatedAt: now,
    resourceId: `${bucket.$id}:${file.$id}`,
    resourceInternalId: `${bucket.$sequence}:${file.$sequence}`,
    resourceType: 'files',
    expire,
    accessedAt: '',
    bucketId: bucket.$id,
    fileId: file.$id,
  }
  const view = await tokenView(ctx, token)
  await ctx.store.write(async (w) => {
    await w.add('resourceTokens', token)
    w.emit(tokenEvent(ctx, token, 'create', view))
  })
  return reply({ status: 201, body: view })
}

/** `GET /tokens/buckets/:bucketId/files/:fileId`: the file's tokens, with queries on `expire`. */
export const listFileTokens = async (ctx: RequestContext) => {
  const { bucket, file } = await fileOf(ctx)
  const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
    attributes: [{ key: 'expire', type: 'datetime' }],
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const internalId = `${bucket.$sequence}:${file.$sequence}`
  const all = (await ctx.store.db.table('resourceTokens').where('[bucketId+fileId]').equals([bucket.$id, file.$id]).sortBy('$createdAt')) as TokenRecord[]
  const { total, records } = evaluateQueries(
    all.filter((t) => t.resourceInternalId === internalId),
    queries,
    { total: ctx.params.total !== false, cursorNotFound: cursorNotFound('File token') },
  )
  return { total, tokens: await Promise.all(records.map((t) => tokenView(ctx, t))) }
}

export const getToken = async (ctx: RequestContext) => tokenView(ctx, await existingToken(ctx))

/** `PATCH /tokens/:tokenId`: a new expiry (`null` or omitted: never). */
export const updateToken = async (ctx: RequestContext) => {
  const token = await existingToken(ctx)
  const next: TokenRecord = { ...token, expire: readExpire(ctx), $updatedAt: formatDate(ctx.now) }
  const view = await tokenView(ctx, next)
  await ctx.store.write(async (w) => {
    await w.put('resourceTokens', next)
    w.emit(tokenEvent(ctx, next, 'update', view))
  })
  return view
}

export const deleteToken = async (ctx: RequestContext) => {
  const token = await existingToken(ctx)
  const view = await tokenView(ctx, token)
  await ctx.store.write(async (w) => {
    await w.delete('resourceTokens', token.$id)
    w.emit(tokenEvent(ctx, token, 'delete', view))
  })
  return reply({ status: 204 })
}
