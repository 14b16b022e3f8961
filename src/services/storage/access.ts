import { type PermissionType, isAllowed, rolesFor } from '../../auth/permissions.js'
import type { RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { FileGrant } from './file-tokens.js'
import { type BucketRecord, type FileRecord, type TableSource, findFile } from './records.js'

/** PHP's `json_encode`: forward slashes escaped. */
const phpJson = (value: unknown) => JSON.stringify(value).replaceAll('/', '\\/')

/**
 * The 401 a failed permission check gives, with utopia-php/database's `Authorization` description.
 * @note Appwrite's role list starts with `any`, which every request holds.
 */
export const unauthorized = (ctx: RequestContext, action: PermissionType, permissions: readonly string[]) => {
  const roles = rolesFor(permissions, action)
  const message =
    roles.length === 0
      ? `No permissions provided for action '${action}'`
      : `Missing "${action}" permission for role "${roles[roles.length - 1]}". Only "${phpJson(['any', ...ctx.caller.roles])}" scopes are allowed and "${phpJson(roles)}" was given.`
  return new AppwriteError('user_unauthorized', { message })
}

/**
 * The bucket, fetched without permission checks (from `db`: pass the writer to read it inside a write). A
 * disabled bucket is missing for everyone but API keys.
 */
export const loadBucket = async (ctx: RequestContext, bucketId: string, db: TableSource = ctx.store.db): Promise<BucketRecord> =>
  checkBucket(ctx, (await db.table('buckets').get(bucketId)) as BucketRecord | undefined)

/** A bucket record as callers may see it: missing or disabled (for all but API keys) is a 404. */
export const checkBucket = (ctx: RequestContext, bucket: BucketRecord | undefined): BucketRecord => {
  if (!bucket || (!bucket.enabled && !ctx.caller.key)) throw new AppwriteError('storage_bucket_not_found')
  return bucket
}

export const bucketAllows = (ctx: RequestContext, bucket: BucketRecord, action: PermissionType): boolean =>
  isAllowed(ctx.caller, bucket.$permissions, action)

/** Without `fileSecurity`, the bucket's permission of the action is the only way in (else 401). */
export const checkBucketGate = (ctx: RequestContext, bucket: BucketRecord, action: PermissionType): boolean => {
  const granted = bucketAllows(ctx, bucket, action)
  if (!granted && !bucket.fileSecurity) throw unauthorized(ctx, action, bucket.$permissions)
  return granted
}

/**
 * A file the caller may read (get, view, download, preview). With `fileSecurity` and no bucket read
 * permission, the file's own `read` decides, and a file the caller cannot read is missing (404), as Appwrite's
 * permission-checked `getDocument` makes it. A file token (`grant`) of this bucket opens it instead; a token
 * for any other file is a 401.
 */
export const readableFile = async (
  ctx: RequestContext,
  bucket: BucketRecord,
  fileId: string,
  grant: FileGrant | null = null,
): Promise<FileRecord> => {
  const viaToken = grant !== null && grant.bucketSequence === bucket.$sequence
  const bucketRead = viaToken || checkBucketGate(ctx, bucket, 'read')
  const found = await findFile(ctx, bucket.$id, fileId)
  const file = found && (bucketRead || isAllowed(ctx.caller, found.$permissions, 'read')) ? found : undefined
  if (grant && grant.fileSequence !== file?.$sequence) throw new AppwriteError('user_unauthorized')
  if (!file) throw new AppwriteError('storage_file_not_found')
  return file
}

/**
 * A file the caller may update or delete: looked up without checks (missing → 404), then the bucket's or,
 * with `fileSecurity`, the file's permission of the action (else 401).
 */
export const writableFile = async (
  ctx: RequestContext,
  bucket: BucketRecord,
  fileId: string,
  action: 'update' | 'delete',
): Promise<FileRecord> => {
  const bucketGrant = checkBucketGate(ctx, bucket, action)
  const file = await findFile(ctx, bucket.$id, fileId)
  if (!file) throw new AppwriteError('storage_file_not_found')
  if (!bucketGrant && !isAllowed(ctx.caller, file.$permissions, action)) throw unauthorized(ctx, action, file.$permissions)
  return file
}
