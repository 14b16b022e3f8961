import { type UseStore, get, set } from 'idb-keyval'
import { type Credential, carriesAuth, credentialOf, fallbackSession, isSdkRequest, projectOf, withCredential } from './credential.js'

const KEY = 'sessions'
/** Pages remembered at most; the ones that changed least recently are forgotten first. */
const MAX_CLIENTS = 200

interface Seen {
  credential: Credential | null
  /** When the credential last changed (ms). */
  at: number
}

interface SessionState {
  /** clientId → projectId → what that page last authenticated with. */
  clients: Record<string, Record<string, Seen>>
  /** projectId → what any page last authenticated with (pages of one origin share the SDK's localStorage). */
  latest: Record<string, Seen>
}

const same = (a: Credential | null | undefined, b: Credential | null) =>
  (a ?? null) === b || (!!a && !!b && a.header === b.header && a.value === b.value)

/**
 * Lends sessions to requests that cannot carry one. A service worker sees no cookies, and the browser sends
 * no SDK headers when it loads a URL by itself (`<img src=getFilePreview()>`, downloads, navigations). So
 * the worker remembers, per page (`FetchEvent.clientId`) and project, the credential the SDK last sent, and
 * adds it to those header-less requests. A request without a clientId (a navigation) or from a page that
 * has made no SDK call yet gets the project's most recent one.
 * @note Kept in IndexedDB, because the browser stops the worker whenever it likes.
 */
export class SessionMemory {
  #state: SessionState | null = null
  #loading: Promise<SessionState> | null = null
  #writing: Promise<void> = Promise.resolve()
  readonly #now: () => number

  constructor(
    private readonly store: UseStore,
    now: () => number = Date.now,
  ) {
    this.#now = now
  }

  /** Before the engine: learns from an SDK request, or lends a header-less one the remembered session. */
  async prepare(request: Request, clientId: string): Promise<Request> {
    if (isSdkRequest(request)) {
      const projectId = projectOf(request)
      if (projectId) await this.remember(clientId, projectId, credentialOf(request, projectId))
      return request
    }
    if (carriesAuth(request)) return request
    const state = await this.#load()
    const projectId = projectOf(request) ?? lastProjectOf(state, clientId)
    const credential = projectId ? await this.recall(clientId, projectId) : null
    return credential ? withCredential(request, credential) : request
  }

  /** After the engine: a response that hands out or clears a session (`X-Fallback-Cookies`) is remembered. */
  async observe(request: Request, clientId: string, response: Response): Promise<void> {
    const cookies = response.headers.get('x-fallback-cookies')
    const projectId = projectOf(request)
    if (!cookies || !projectId) return
    const token = fallbackSession(cookies, projectId)
    if (token === undefined) return
    await this.remember(clientId, projectId, token ? { header: 'X-Appwrite-Session', value: token } : null)
  }

  async remember(clientId: string, projectId: string, credential: Credential | null): Promise<void> {
    const state = await this.#load()
    const own = clientId ? state.clients[clientId]?.[projectId] : undefined
    const latest = state.latest[projectId]
    if (same(latest?.credential, credential) && (!clientId || (own && same(own.credential, credential)))) return
    const seen = { credential, at: this.#now() }
    state.latest[projectId] = seen
    if (clientId) state.clients[clientId] = { ...state.clients[clientId], [projectId]: seen }
    prune(state)
    void this.#persist()
  }

  /** The page's own credential for the project; else the project's most recent one. */
  async recall(clientId: string, projectId: string): Promise<Credential | null> {
    const state = await this.#load()
    const own = clientId ? state.clients[clientId]?.[projectId] : undefined
    return (own ?? state.latest[projectId])?.credential ?? null
  }

  /** Reads IndexedDB again: a newly activated worker may have loaded before the old one's last change. */
  async refresh(): Promise<void> {
    this.#state = null
    this.#loading = null
    await this.#load()
  }

  /** Resolves once every change so far is in IndexedDB (hand it to `event.waitUntil`). */
  saved(): Promise<void> {
    return this.#writing
  }

  #persist(): Promise<void> {
    // A lost write only costs header-less requests their session; the requests themselves go on.
    this.#writing = this.#writing
      .then(() => set(KEY, this.#state, this.store))
      .catch((error) => console.warn('[offwrite] could not save the session memory', error))
    return this.#writing
  }

  #load(): Promise<SessionState> {
    if (this.#state) return Promise.resolve(this.#state)
    this.#loading ??= get<SessionState>(KEY, this.store).then(
      (saved) => (this.#state = saved ?? { clients: {}, latest: {} }),
      (error) => {
        this.#loading = null
        throw error
      },
    )
    return this.#loading
  }
}

const lastChange = (projects: Record<string, Seen>) => Math.max(...Object.values(projects).map((s) => s.at))

const lastProjectOf = (state: SessionState, clientId: string): string | null => {
  const projects = Object.entries(state.clients[clientId] ?? {})
  projects.sort((a, b) => b[1].at - a[1].at)
  return projects[0]?.[0] ?? null
}

const prune = (state: SessionState) => {
  const ids = Object.keys(state.clients)
  if (ids.length <= MAX_CLIENTS) return
  ids.sort((a, b) => lastChange(state.clients[a]) - lastChange(state.clients[b]))
  for (const id of ids.slice(0, ids.length - MAX_CLIENTS)) delete state.clients[id]
}
