import type { ServiceDefinition } from '../../engine/context.js'
import { createBucket, deleteBucket, getBucket, listBuckets, updateBucket } from './buckets.js'
import { createFile } from './create-file.js'
import { deleteFile, getFile, listFiles, updateFile } from './files.js'
import { getFilePreview } from './preview.js'
import { getFileDownload, getFileView } from './serve-file.js'
import { storageStores } from './stores.js'
import { createFileToken, deleteToken, getToken, listFileTokens, updateToken } from './tokens.js'

export { applyBuckets, type ProjectFileBucket } from './project-file.js'

/**
 * Storage: buckets (server API), files (client API, chunked uploads as the SDK sends them), the URL routes
 * (view, download, preview) and file tokens. File bytes are Blobs in IndexedDB.
 */
export const storageService: ServiceDefinition = {
  name: 'storage',
  stores: storageStores,
  routes: {
    storageCreateBucket: createBucket,
    storageListBuckets: listBuckets,
    storageGetBucket: getBucket,
    storageUpdateBucket: updateBucket,
    storageDeleteBucket: deleteBucket,
    storageCreateFile: createFile,
    storageListFiles: listFiles,
    storageGetFile: getFile,
    storageUpdateFile: updateFile,
    storageDeleteFile: deleteFile,
    storageGetFileView: getFileView,
    storageGetFileDownload: getFileDownload,
    storageGetFilePreview: getFilePreview,
    tokensCreateFileToken: createFileToken,
    tokensList: listFileTokens,
    tokensGet: getToken,
    tokensUpdate: updateToken,
    tokensDelete: deleteToken,
  },
}
