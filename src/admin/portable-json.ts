/**
 * Records as plain JSON and back, keeping what IndexedDB holds but JSON does not: Blobs (file bytes), byte
 * arrays, 64-bit integers (`bigint`) and Dates. Runs in a service worker, a page and Node alike.
 * @note dexie-export-import does the same for the browser, but needs `self` and `FileReader`, which Node lacks,
 * and `offwrite serve --data` must save and load the same files.
 */

/** Marks an encoded value; Appwrite keys never contain `~`, so a record cannot hold this key by accident. */
const TAG = '~offwrite'

type Tagged =
  | { [TAG]: 'blob'; type: string; base64: string }
  | { [TAG]: 'bytes'; base64: string }
  | { [TAG]: 'bigint'; value: string }
  | { [TAG]: 'date'; value: string }

const CHUNK = 0x8000

export const bytesToBase64 = (bytes: Uint8Array): string => {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

export const base64ToBytes = (base64: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Encodes a value for `JSON.stringify`; reads Blobs, hence async. */
export const encodePortable = async (value: unknown): Promise<unknown> => {
  if (typeof value === 'bigint') return { [TAG]: 'bigint', value: String(value) } satisfies Tagged
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Blob) {
    const base64 = bytesToBase64(new Uint8Array(await value.arrayBuffer()))
    return { [TAG]: 'blob', type: value.type, base64 } satisfies Tagged
  }
  if (value instanceof Date) return { [TAG]: 'date', value: value.toISOString() } satisfies Tagged
  if (value instanceof ArrayBuffer) return { [TAG]: 'bytes', base64: bytesToBase64(new Uint8Array(value)) } satisfies Tagged
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    return { [TAG]: 'bytes', base64: bytesToBase64(bytes) } satisfies Tagged
  }
  if (Array.isArray(value)) return Promise.all(value.map(encodePortable))
  if (!isPlain(value)) throw new Error(`[offwrite] cannot export a ${value.constructor?.name ?? 'value'}`)
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = await encodePortable(item)
  return out
}

/** The inverse of {@link encodePortable}, on parsed JSON. */
export const decodePortable = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(decodePortable)
  const tagged = value as Partial<Tagged> & Record<string, unknown>
  switch (tagged[TAG]) {
    case 'blob':
      return new Blob([base64ToBytes(String(tagged.base64))], { type: String(tagged.type ?? '') })
    case 'bytes':
      return base64ToBytes(String(tagged.base64))
    case 'bigint':
      return BigInt(String(tagged.value))
    case 'date':
      return new Date(String(tagged.value))
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodePortable(item)]))
}
