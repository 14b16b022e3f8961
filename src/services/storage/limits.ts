import type { ProjectSettings } from '../../engine/context.js'

/** Appwrite's storage limits (`app/init/constants.php` and the default environment). */

/** `APP_LIMIT_UPLOAD_CHUNK_SIZE`: the SDK's chunk size, and the server's chunk numbering unit. */
export const CHUNK_SIZE = 5 * 1024 * 1024

/** `_APP_STORAGE_LIMIT` default: the largest `maximumFileSize` a bucket may have. */
export const STORAGE_LIMIT = 30_000_000

/** The project's `_APP_STORAGE_LIMIT` (`settings.storage.limit`): raise it for files over 30 MB. */
export const storageLimit = (settings: ProjectSettings): number => settings.storage?.limit ?? STORAGE_LIMIT

/** `APP_STORAGE_READ_BUFFER`: files above it are stored as uploaded (no compression, no encryption). */
export const READ_BUFFER = 20_000_000

/** `_APP_STORAGE_PREVIEW_LIMIT` default: larger images preview as the generic image icon. */
export const PREVIEW_LIMIT = 20_000_000

/** `MAX_OUTPUT_CHUNK_SIZE`: an open-ended download Range is capped to this many bytes. */
export const DOWNLOAD_RANGE_CAP = 10 * 1024 * 1024

/** `APP_LIMIT_ARRAY_PARAMS_SIZE`. */
export const ARRAY_PARAMS_LIMIT = 100

/** `APP_RESOURCE_TOKEN_ACCESS`: a token's `accessedAt` is refreshed at most once a day. */
export const TOKEN_ACCESS_INTERVAL_S = 24 * 60 * 60
