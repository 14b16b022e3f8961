/** The two Range headers storage reads, parsed as utopia-php/http's `Request` does. */

export interface ContentRange {
  start: number
  end: number
  size: number
}

const DIGITS = /^\d+$/

/**
 * `Content-Range: <unit> <start>-<end>/<size>` of an upload chunk; `null` when malformed or `start > end` or
 * `end > size` (utopia's `parseContentRange`).
 * @note `end == size` is tolerated, as Appwrite tolerates it.
 */
export const parseContentRange = (header: string): ContentRange | null => {
  const [unit, range, ...extra] = header.split(' ')
  if (extra.length || !unit?.trim() || range === undefined) return null
  const [span, total, ...moreSlashes] = range.split('/')
  if (moreSlashes.length || total === undefined || !DIGITS.test(total)) return null
  const [from, to, ...moreDashes] = span.split('-')
  if (moreDashes.length || to === undefined || !DIGITS.test(from) || !DIGITS.test(to)) return null
  const start = Number(from)
  const end = Number(to)
  const size = Number(total)
  return start > end || end > size ? null : { start, end, size }
}

export interface ByteRange {
  unit: string | null
  start: number | null
  end: number | null
}

/**
 * `Range: <unit>=<start>-[<end>]`. Anything malformed reads as no unit, so the route answers 416, as
 * Appwrite does; a suffix range (`bytes=-500`) is malformed there too.
 */
export const parseRange = (header: string): ByteRange => {
  const none = { unit: null, start: null, end: null }
  const [unit, spec, ...extra] = header.split('=')
  if (extra.length || !unit || !spec) return none
  const [from, to, ...more] = spec.split('-')
  if (more.length || to === undefined || from === '' || !DIGITS.test(from)) return none
  if (to !== '' && !DIGITS.test(to)) return none
  const start = Number(from)
  const end = to === '' ? null : Number(to)
  if (end !== null && start >= end) return none
  return { unit, start, end }
}

/**
 * The bytes a `Range` request gets (inclusive), or `null` for Appwrite's 416. An open end, or a span over
 * `READ_BUFFER`, is capped at `start + cap - 1`; a range that is not `bytes`, is empty or one byte long
 * (`start >= end`), or ends past the file is refused.
 */
export const satisfiableRange = (range: ByteRange, size: number, readBuffer: number, cap: number): { start: number; end: number } | null => {
  const start = range.start ?? 0
  let end = range.end
  if (end === null || end - start > readBuffer) end = Math.min(start + cap - 1, size - 1)
  if (range.unit !== 'bytes' || start >= end || end >= size) return null
  return { start, end }
}
