/** A credential a page authenticates with, as the header that carries it. */
export interface Credential {
  header: 'X-Appwrite-Session' | 'X-Appwrite-JWT'
  value: string
}

/** Only the SDK sends `x-sdk-name`: without it, the browser loads a URL by itself (`<img src>`, a download). */
export const isSdkRequest = (request: Request): boolean => request.headers.has('x-sdk-name')

/** Whether a request already says who it is, so nothing may be added to it. */
export const carriesAuth = (request: Request): boolean =>
  ['x-appwrite-session', 'x-appwrite-jwt', 'x-appwrite-key', 'x-fallback-cookies'].some((h) => request.headers.has(h))

/** The project a request is for: the SDK's header, else the `project` query parameter URL-only methods add. */
export const projectOf = (request: Request): string | null =>
  request.headers.get('x-appwrite-project') || new URL(request.url).searchParams.get('project') || null

/**
 * The session an `X-Fallback-Cookies` value holds for the project: a token, `null` for "none" (`[]` is what
 * Appwrite sends on logout; a cookie jar without this project's cookie has none either), `undefined` if unreadable.
 */
export const fallbackSession = (value: string, projectId: string): string | null | undefined => {
  try {
    const cookies: unknown = JSON.parse(value)
    if (Array.isArray(cookies)) return null
    if (typeof cookies !== 'object' || cookies === null) return undefined
    const token = (cookies as Record<string, unknown>)[`a_session_${projectId}`]
    return typeof token === 'string' && token ? token : null
  } catch {
    return undefined
  }
}

/**
 * What an SDK request says about who the page is: a credential, or `null` for a guest (the SDK attaches the
 * stored session to every call, so a call without one comes from a logged-out page).
 */
export const credentialOf = (request: Request, projectId: string): Credential | null => {
  const session = request.headers.get('x-appwrite-session')
  if (session) return { header: 'X-Appwrite-Session', value: session }
  const fallback = request.headers.get('x-fallback-cookies')
  const token = fallback ? fallbackSession(fallback, projectId) : undefined
  if (token) return { header: 'X-Appwrite-Session', value: token }
  const jwt = request.headers.get('x-appwrite-jwt')
  if (jwt) return { header: 'X-Appwrite-JWT', value: jwt }
  return null
}

/** A copy of the request with the credential added. Navigations cannot be copied with `new Request(request, …)`. */
export const withCredential = async (request: Request, credential: Credential): Promise<Request> => {
  const headers = new Headers(request.headers)
  headers.set(credential.header, credential.value)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    signal: request.signal,
  })
}
