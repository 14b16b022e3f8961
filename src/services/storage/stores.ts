/**
 * Storage's stores. Files are keyed by bucket and id; their bytes are Blobs in `fileParts`, one record per
 * uploaded chunk, so no upload is ever held whole in memory.
 */
export const storageStores = {
  buckets: '$id, $sequence, name',
  files: '[bucketId+$id], bucketId, $sequence',
  fileParts: '[bucketId+fileId+index], bucketId',
  resourceTokens: '$id, [bucketId+fileId], bucketId',
}
