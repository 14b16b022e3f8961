import { normalizePermissions } from '../../auth/permissions.js'
import type { Params } from '../../engine/read-params.js'
import { invalidParam } from '../../errors/index.js'
import { checkText } from '../common/validators.js'
import { ARRAY_PARAMS_LIMIT } from './limits.js'
import type { BucketRecord, Compression } from './records.js'

const COMPRESSIONS: readonly Compression[] = ['none', 'gzip', 'zstd']

export type BucketSettings = Pick<
  BucketRecord,
  | 'name'
  | 'fileSecurity'
  | 'enabled'
  | 'maximumFileSize'
  | 'allowedFileExtensions'
  | 'compression'
  | 'encryption'
  | 'antivirus'
  | 'transformations'
>

const flag = (params: Params, name: string, fallback: boolean): boolean => {
  const value = params[name]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean') throw invalidParam(name, 'Value must be a valid boolean')
  return value
}

const maximumFileSize = (value: unknown, limit: number): number => {
  if (value === undefined || value === null) return limit
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > limit) {
    throw invalidParam('maximumFileSize', `Value must be a valid range between 1 and ${limit.toLocaleString('en-US')}`)
  }
  return n
}

const extensions = (value: unknown): string[] => {
  if (value === undefined || value === null) return []
  const valid = Array.isArray(value) && value.length <= ARRAY_PARAMS_LIMIT && value.every((v) => typeof v === 'string' && v.length <= 64)
  if (!valid) {
    throw invalidParam(
      'allowedFileExtensions',
      `Value must a valid array no longer than ${ARRAY_PARAMS_LIMIT} items and Value must be a valid string and no longer than 64 chars`,
    )
  }
  return value as string[]
}

const compression = (value: unknown): Compression => {
  if (value === undefined || value === null) return 'none'
  if (!COMPRESSIONS.includes(value as Compression)) throw invalidParam('compression', `Value must be one of (${COMPRESSIONS.join(', ')})`)
  return value as Compression
}

/**
 * A bucket's settings from a create or update request. Omitted settings take Appwrite's defaults on update
 * too: a PUT that leaves out `enabled` re-enables the bucket, one without `fileSecurity` turns it off.
 * `limit` is the project's storage limit: the default and the cap of `maximumFileSize`.
 */
export const readBucketSettings = (params: Params, limit: number): BucketSettings => ({
  name: checkText('name', params.name, 128),
  fileSecurity: flag(params, 'fileSecurity', false),
  enabled: flag(params, 'enabled', true),
  maximumFileSize: maximumFileSize(params.maximumFileSize, limit),
  allowedFileExtensions: extensions(params.allowedFileExtensions),
  compression: compression(params.compression),
  encryption: flag(params, 'encryption', true),
  antivirus: flag(params, 'antivirus', true),
  transformations: flag(params, 'transformations', true),
})

/** Bucket permissions: every type allowed, `write` expanded; `null`/omitted is `[]` on create, kept on update. */
export const readBucketPermissions = (value: unknown, current?: BucketRecord): string[] =>
  value === undefined || value === null ? (current?.$permissions ?? []) : normalizePermissions('permissions', value, ['create', 'read', 'update', 'delete'])
