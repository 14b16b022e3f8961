import { createMD5 } from 'hash-wasm'
import { canCompress, compressBlob } from './compression.js'
import { detectMimeType } from './detect-mime.js'
import { READ_BUFFER } from './limits.js'
import type { BucketRecord, Compression } from './records.js'

/** Bytes hashed per step: a part is read a slice at a time, never the whole file. */
const HASH_SLICE = 4 * 1024 * 1024

export interface FinishedContent {
  signature: string
  mimeType: string
  sizeActual: number
  algorithm: Compression
  stored: Compression
  encrypted: boolean
  /** The bytes to keep instead of the uploaded parts, when the bucket compresses. */
  compressed: Blob | null
}

/** MD5 (hex) of Blobs taken in order, read a slice at a time. */
export const md5OfBlobs = async (blobs: readonly Blob[]): Promise<string> => {
  const hasher = await createMD5()
  hasher.init()
  for (const blob of blobs) {
    for (let offset = 0; offset < blob.size; offset += HASH_SLICE) {
      hasher.update(new Uint8Array(await blob.slice(offset, offset + HASH_SLICE).arrayBuffer()))
    }
  }
  return hasher.digest('hex')
}

/**
 * What Appwrite works out once an upload is whole: the MD5 `signature` and the detected `mimeType` of the
 * original bytes (unless the upload's running hash already has it), then compression and encryption for
 * files up to 20 MB.
 * @note Compression runs for real (gzip; zstd where the platform's CompressionStream has it, else the bytes
 * stay plain and `zstd` is still reported). Encryption is reported, not applied: the bytes never leave the
 * user's own IndexedDB. `sizeActual` is then what Appwrite's OpenSSL output would weigh: base64 of the
 * stored bytes, since it encrypts with `openssl_encrypt` options 0.
 */
export const finishContent = async (
  parts: readonly Blob[],
  name: string,
  size: number,
  bucket: BucketRecord,
  knownSignature: string | null = null,
): Promise<FinishedContent> => {
  const content = new Blob(parts as Blob[])
  const [signature, mimeType] = await Promise.all([knownSignature ?? md5OfBlobs(parts), detectMimeType(content, name)])
  const small = size <= READ_BUFFER
  const algorithm: Compression = small ? bucket.compression : 'none'
  const stored: Compression = algorithm !== 'none' && canCompress(algorithm) ? algorithm : 'none'
  const compressed = stored === 'none' ? null : await compressBlob(content, stored)
  const encrypted = small && bucket.encryption
  const storedSize = compressed?.size ?? content.size
  const sizeActual = encrypted ? 4 * Math.ceil(storedSize / 3) : storedSize
  return { signature, mimeType, sizeActual, algorithm, stored, encrypted, compressed }
}
