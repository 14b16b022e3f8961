/** What `applyBuckets` needs of the admin client: calling a route by operationId with an API key. */
export interface RouteCaller {
  op(operationId: string, params?: Record<string, unknown>): Promise<unknown>
}

/** One `buckets[]` entry of the Appwrite CLI's project file (`appwrite.config.json`). */
export interface ProjectFileBucket {
  $id: string
  name: string
  $permissions?: string[]
  fileSecurity?: boolean
  enabled?: boolean
  maximumFileSize?: number
  allowedFileExtensions?: string[]
  compression?: 'none' | 'gzip' | 'zstd'
  encryption?: boolean
  antivirus?: boolean
  transformations?: boolean
}

/**
 * Creates the buckets of a project file through the server API (`storageCreateBucket`), so they are
 * validated and announced like any other; a bucket that exists already is updated to the file's settings
 * (`storageUpdateBucket`), so applying a file twice is harmless. For `seed()`'s schema step.
 * @example
 * await applyBuckets(adminClient, config.buckets ?? [])
 */
export const applyBuckets = async (api: RouteCaller, buckets: readonly unknown[]): Promise<void> => {
  for (const entry of buckets as ProjectFileBucket[]) {
    const { $id, $permissions, ...settings } = entry
    const params = { bucketId: $id, permissions: $permissions, ...settings }
    await api.op('storageCreateBucket', params).catch((error) => {
      if ((error as { type?: string }).type !== 'storage_bucket_already_exists') throw error
      return api.op('storageUpdateBucket', params)
    })
  }
}
