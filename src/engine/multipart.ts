/**
 * A multipart/form-data body read from its bytes, so that a file part's bytes stay at hand: the storage
 * service hashes upload chunks from them instead of reading each chunk's Blob back (see `bytesOf`).
 * Only the plain shape browsers' FormData sends is read here; anything else gives `null`, and the caller
 * lets the platform's own parser (`Response.formData()`) read the same bytes.
 */

const CRLF = [13, 10]
const files = new WeakMap<Blob, Uint8Array<ArrayBuffer>>()

/** The bytes a File part was made from, when this parser made it (no copy, no read). */
export const bytesOf = (blob: Blob): Uint8Array<ArrayBuffer> | undefined => files.get(blob)

/** The `boundary` parameter of a multipart Content-Type, or `null`. */
export const boundaryOf = (type: string): string | null => {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type)
  return match ? (match[1] ?? match[2]) : null
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

/** Where `needle` starts in `bytes` at or after `from`, or -1 (Horspool: a file part is skipped, not scanned). */
const find = (bytes: Uint8Array, needle: Uint8Array, from: number): number => {
  const last = needle.length - 1
  const skip = new Array<number>(256).fill(needle.length)
  for (let i = 0; i < last; i++) skip[needle[i]] = last - i
  for (let at = from; at + last < bytes.length; at += skip[bytes[at + last]]) {
    let i = last
    while (i >= 0 && bytes[at + i] === needle[i]) i--
    if (i < 0) return at
  }
  return -1
}

/** `name="…"` and `filename="…"` of a Content-Disposition, when written plainly (no escapes, no `*=` forms). */
const disposition = (value: string): { name: string; filename?: string } | null => {
  const match = /^form-data; name="([^"\\%]*)"(?:; filename="([^"\\%]*)")?$/i.exec(value)
  return match ? { name: match[1], filename: match[2] } : null
}

/**
 * The fields of a multipart body in order (strings, and Files for parts with a filename), or `null` when the
 * body is not in the plain shape this reads.
 */
export const parseMultipart = (bytes: Uint8Array<ArrayBuffer>, boundary: string): Array<[string, string | File]> | null => {
  const delimiter = ascii(`\r\n--${boundary}`)
  const text = new TextDecoder('utf-8', { fatal: true })
  // The body starts with the first delimiter (without its CRLF).
  if (find(bytes, delimiter.subarray(2), 0) !== 0) return null
  const fields: Array<[string, string | File]> = []
  let at = delimiter.length - 2
  for (;;) {
    if (bytes[at] === 45 && bytes[at + 1] === 45) return fields
    if (bytes[at] !== CRLF[0] || bytes[at + 1] !== CRLF[1]) return null
    const headerEnd = find(bytes, ascii('\r\n\r\n'), at + 2)
    if (headerEnd === -1) return null
    let headers: string
    try {
      headers = text.decode(bytes.subarray(at + 2, headerEnd))
    } catch {
      return null
    }
    const start = headerEnd + 4
    const end = find(bytes, delimiter, start)
    if (end === -1) return null
    let part: { name: string; filename?: string } | null = null
    let type = ''
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon < 1) return null
      const key = line.slice(0, colon).trim().toLowerCase()
      const value = line.slice(colon + 1).trim()
      if (key === 'content-disposition') part = disposition(value)
      else if (key === 'content-type') type = value
      else return null
      if (key === 'content-disposition' && !part) return null
    }
    if (!part) return null
    const body = bytes.subarray(start, end)
    if (part.filename === undefined) {
      try {
        fields.push([part.name, text.decode(body)])
      } catch {
        return null
      }
    } else {
      // As the Fetch standard's parser: a file part without a Content-Type is text/plain.
      const file = new File([body], part.filename, { type: type || 'text/plain' })
      files.set(file, body)
      fields.push([part.name, file])
    }
    at = end + delimiter.length
  }
}
