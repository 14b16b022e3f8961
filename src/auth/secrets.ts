const toHex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

/** sha256 as lowercase hex: how Appwrite stores session and token secrets. */
export const sha256 = async (text: string): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))

/**
 * The value a client holds for a session: base64 of `{"id":"<userId>","secret":"<secret>"}`
 * (utopia-php/auth Store). It is the cookie, the `X-Appwrite-Session` header and the fallback-cookie entry.
 */
export const encodeSessionToken = (userId: string, secret: string): string =>
  btoa(JSON.stringify({ id: userId, secret }))

export const decodeSessionToken = (token: string): { id: string; secret: string } | null => {
  try {
    const data = JSON.parse(atob(token))
    return typeof data?.id === 'string' && typeof data?.secret === 'string' ? data : null
  } catch {
    return null
  }
}
