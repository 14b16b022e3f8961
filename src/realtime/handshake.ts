/**
 * What a realtime URL asks for: `?project=<id>[&jwt=<jwt>]` (current SDKs), or the legacy URL mode with
 * `channels[]=…` and per-channel query params (the channel name with `.` replaced by `_`).
 */

export interface Handshake {
  projectId: string
  jwt: string
  /** URL mode: the channels named in the URL (empty in message mode). */
  channels: string[]
  /** URL mode: reads a per-channel query param as PHP would (`name`, `name[]`, `name[0][]`). */
  queryParam(name: string): unknown
}

type Nested = string | Nested[]

/** Reads `name`, `name[]`, `name[i]` and `name[i][]` keys into PHP's nested arrays. */
const readPhpParam = (search: URLSearchParams, name: string): Nested | null => {
  let found: Nested | null = null
  for (const [key, value] of search) {
    if (key === name) {
      found = value
      continue
    }
    if (!key.startsWith(`${name}[`) || !key.endsWith(']')) continue
    const path = key.slice(name.length + 1, -1).split('][')
    if (!Array.isArray(found)) found = []
    let node: Nested[] = found
    path.forEach((segment, i) => {
      const last = i === path.length - 1
      const index = segment === '' ? node.length : Number(segment)
      if (!Number.isInteger(index)) return
      if (last) node[index] = value
      else {
        if (!Array.isArray(node[index])) node[index] = []
        node = node[index] as Nested[]
      }
    })
  }
  return found
}

export const readHandshake = (url: URL): Handshake => {
  const search = url.searchParams
  const channels = readPhpParam(search, 'channels')
  return {
    projectId: search.get('project') ?? '',
    jwt: search.get('jwt') ?? '',
    channels: channels === null ? [] : (Array.isArray(channels) ? channels : [channels]).filter((c) => typeof c === 'string'),
    queryParam: (name) => readPhpParam(search, name),
  }
}

/**
 * The session a handshake carries, in Appwrite's order: the `a_session_<project>` cookie (or its `_legacy`
 * twin), `X-Appwrite-Session`, then the SDK's `X-Fallback-Cookies`. Browsers send no headers on a WebSocket,
 * so only a real server (`offwrite serve`) sees these.
 */
export const sessionFromHeaders = (headers: Headers | undefined, projectId: string): string => {
  if (!headers) return ''
  const name = `a_session_${projectId}`
  const cookies = new Map(
    (headers.get('cookie') ?? '').split(';').map((pair) => {
      const at = pair.indexOf('=')
      return [pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim())] as const
    }),
  )
  const cookie = cookies.get(name) || cookies.get(`${name}_legacy`)
  if (cookie) return cookie
  const header = headers.get('x-appwrite-session')
  if (header) return header
  try {
    const fallback: unknown = JSON.parse(headers.get('x-fallback-cookies') ?? '')
    const value = fallback && typeof fallback === 'object' ? (fallback as Record<string, unknown>)[name] : undefined
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}
