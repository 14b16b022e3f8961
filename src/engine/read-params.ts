import { isSafeNumber, parse as parseLossless } from 'lossless-json'
import { AppwriteError } from '../errors/index.js'
import { boundaryOf, parseMultipart } from './multipart.js'

export type Params = Record<string, unknown>

/** Numbers as the SDK's json-bigint writes them: integers beyond 2^53 stay exact as bigint. */
const parseNumber = (text: string): number | bigint =>
  isSafeNumber(text) || !/^-?\d+$/.test(text) ? Number(text) : BigInt(text)

/**
 * JSON as Appwrite reads it. Only a run of 16 digits can spell an integer past 2^53, so text without one takes
 * the platform's parser (much faster on bulk writes); the rest keeps its integers exact.
 * @note Like PHP's `json_decode`, the last of duplicate keys wins (the exact parser, needed only for 16-digit
 * numbers, refuses duplicates: a body with both is `Invalid JSON body.`).
 */
export const parseJson = (text: string): unknown => (/\d{16}/.test(text) ? parseLossless(text, null, parseNumber) : JSON.parse(text))

/**
 * Reads `name`, `name[]` and `name[0]` keys into arrays (the web SDK indexes array items,
 * other SDKs repeat `name[]`). Nested indexes (`a[0][1]`) are flattened in order.
 */
export const readSearchParams = (search: URLSearchParams): Params => {
  const params: Params = {}
  const arrays = new Map<string, Array<[number, unknown]>>()
  let order = 0
  for (const [rawKey, value] of search) {
    const bracket = rawKey.indexOf('[')
    if (bracket > 0 && rawKey.endsWith(']')) {
      const name = rawKey.slice(0, bracket)
      const index = /^\[(\d+)\]/.exec(rawKey.slice(bracket))
      const list = arrays.get(name) ?? []
      list.push([index ? Number(index[1]) : 1e9 + order++, value])
      arrays.set(name, list)
    } else {
      params[rawKey] = value
    }
  }
  for (const [name, list] of arrays) params[name] = list.sort((a, b) => a[0] - b[0]).map(([, v]) => v)
  return params
}

const readForm = (form: Iterable<[string, FormDataEntryValue]>): Params => {
  const params: Params = {}
  for (const [rawKey, value] of form) {
    if (rawKey.endsWith('[]')) {
      const name = rawKey.slice(0, -2)
      params[name] = [...((params[name] as unknown[]) ?? []), value]
    } else if (/\[\d+\]$/.test(rawKey)) {
      const name = rawKey.replace(/\[\d+\]$/, '')
      params[name] = [...((params[name] as unknown[]) ?? []), value]
    } else {
      params[rawKey] = value
    }
  }
  return params
}

/** The request's body parameters: JSON (bigint-exact) or multipart form data. */
export const readBody = async (request: Request): Promise<Params> => {
  if (request.method === 'GET' || request.method === 'HEAD') return {}
  const type = request.headers.get('content-type') ?? ''
  if (type.includes('multipart/form-data')) {
    // Read from the bytes (a file part's bytes stay at hand, see `bytesOf`); the platform's parser otherwise.
    const boundary = boundaryOf(type)
    if (!boundary) return readForm(await request.formData())
    const bytes = new Uint8Array(await request.arrayBuffer())
    const fields = parseMultipart(bytes, boundary)
    return readForm(fields ?? (await new Response(bytes, { headers: { 'content-type': type } }).formData()))
  }
  if (type.includes('application/x-www-form-urlencoded')) return readSearchParams(new URLSearchParams(await request.text()))
  const text = await request.text()
  if (!text.trim()) return {}
  try {
    const body = parseJson(text)
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Params) : {}
  } catch {
    throw new AppwriteError('general_argument_invalid', { message: 'Invalid JSON body.' })
  }
}
