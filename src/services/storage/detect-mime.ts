import { fileTypeFromBlob } from 'file-type/core'
import mime from 'mime/lite'

/** Bytes looked at to tell text from binary. */
const SNIFF_BYTES = 8192

/** Name-derived types libmagic also reports for text content (it reads their syntax; we trust the name). */
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|ecmascript|x-sh|x-httpd-php|rtf|ld\+json)$|image\/svg\+xml$)/

/** No NUL byte, and valid UTF-8 (a character cut at the end of the sample is fine). */
const looksLikeText = (head: Uint8Array): boolean => {
  if (head.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return true
  } catch {
    return false
  }
}

/**
 * The MIME type of a file from its bytes, as Appwrite's libmagic detection gives it: magic numbers first
 * (file-type), then text vs binary; the name refines text files (`.csv`, `.json`, `.svg`, `.html`) and names
 * binaries no signature identifies. The client's declared type is never trusted: the SDK's chunks have none.
 * @note libmagic answers `application/x-empty` for a zero-byte file.
 */
export const detectMimeType = async (content: Blob, name: string): Promise<string> => {
  if (content.size === 0) return 'application/x-empty'
  const detected = await fileTypeFromBlob(content).catch(() => undefined)
  if (detected) return detected.mime
  const head = new Uint8Array(await content.slice(0, SNIFF_BYTES).arrayBuffer())
  const byName = mime.getType(name)
  if (looksLikeText(head)) return byName && TEXT_TYPES.test(byName) ? byName : 'text/plain'
  return byName ?? 'application/octet-stream'
}
