import { type UseStore, get, set } from 'idb-keyval'

const KEY = 'endpoints'

/** `https://Host/v1/` → `https://host/v1`: the form endpoints are stored and compared in. */
export const normalizeEndpoint = (endpoint: string): string => {
  const url = new URL(endpoint)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** Whether `url` is the endpoint itself or below it (`/v1` owns `/v1/account`, not `/v1x`). */
const isBelow = (url: string, endpoint: string): boolean => {
  if (!url.startsWith(endpoint)) return false
  const next = url.charAt(endpoint.length)
  return next === '' || next === '/' || next === '?' || next === '#'
}

/**
 * The API endpoints pages have registered. IndexedDB holds the truth because the browser stops the worker
 * whenever it likes; memory only caches it, and is reloaded on every start.
 */
export class EndpointRegistry {
  #cached: Set<string> | null = null
  #loading: Promise<Set<string>> | null = null
  #writing: Promise<void> = Promise.resolve()

  constructor(private readonly store: UseStore) {
    void this.#load().catch(() => {})
  }

  /** True or false when the list is in memory; undefined while it is still being read after a start. */
  match(url: string): boolean | undefined {
    if (!this.#cached) return undefined
    for (const endpoint of this.#cached) if (isBelow(url, endpoint)) return true
    return false
  }

  async matchLater(url: string): Promise<boolean> {
    await this.#load()
    return this.match(url) === true
  }

  async add(endpoint: string): Promise<void> {
    const endpoints = await this.#load()
    endpoints.add(normalizeEndpoint(endpoint))
    await this.#persist()
  }

  async remove(endpoint: string): Promise<void> {
    const endpoints = await this.#load()
    endpoints.delete(normalizeEndpoint(endpoint))
    await this.#persist()
  }

  /** Reads IndexedDB again: a newly activated worker may have loaded before the old one's last change. */
  refresh(): Promise<Set<string>> {
    this.#cached = null
    this.#loading = null
    return this.#load()
  }

  list(): Promise<Set<string>> {
    return this.#load()
  }

  /** Writes the whole list; writes queue up so a slow one never overwrites a newer one. */
  #persist(): Promise<void> {
    const write = () => set(KEY, [...(this.#cached ?? [])], this.store)
    this.#writing = this.#writing.then(write, write)
    return this.#writing
  }

  #load(): Promise<Set<string>> {
    if (this.#cached) return Promise.resolve(this.#cached)
    this.#loading ??= get<string[]>(KEY, this.store).then(
      (saved) => (this.#cached = new Set(saved ?? [])),
      (error) => {
        // Let the next request try again rather than remember a failure.
        this.#loading = null
        throw error
      },
    )
    return this.#loading
  }
}
