import type { Engine, ProjectSettings } from '../engine/index.js'
import { stringifyJson } from '../engine/respond.js'

/** Where admin requests pretend to come from; the engine only reads the path below `/v1`. */
const ADMIN_ORIGIN = 'http://offwrite.admin/v1'
/** The key used when the project configures none: then every key has every scope (emulator mode). */
const ANY_KEY = 'offwrite-admin'

/** The Appwrite error an admin request ran into, with the request that made it. */
export class AdminRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`[offwrite] ${method} ${path} → ${status} ${type}: ${message}`)
    this.name = 'AdminRequestError'
  }
}

/** The API key admin requests use: one with every scope, or any key when the project has none. */
export const adminKeyOf = (settings: ProjectSettings): string => {
  const keys = settings.apiKeys ?? []
  if (keys.length === 0) return ANY_KEY
  const full = keys.find((k) => k.scopes === '*')
  if (!full) throw new Error('[offwrite] the admin API needs an API key with every scope: add one (scopes "*") to apiKeys')
  return full.secret
}

export interface AdminCall {
  /** Body: JSON for plain objects, sent as is for FormData. */
  body?: Record<string, unknown> | FormData
  headers?: Record<string, string>
}

/**
 * Calls the project's own server API with an API key, so admin writes (seed, acting as a user) take the same
 * path as any request: validation, the write path, events.
 */
export class AdminClient {
  constructor(
    readonly engine: Engine,
    readonly projectId: string,
    readonly apiKey: string,
  ) {}

  async request<T = Record<string, any>>(method: string, path: string, init: AdminCall = {}): Promise<T> {
    const headers = new Headers({ 'x-appwrite-project': this.projectId, 'x-appwrite-key': this.apiKey, ...init.headers })
    let body: BodyInit | undefined
    if (init.body instanceof FormData) body = init.body
    else if (init.body) {
      headers.set('content-type', 'application/json')
      body = stringifyJson(init.body)
    }
    const response = await this.engine.handle(new Request(`${ADMIN_ORIGIN}${path}`, { method, headers, body }))
    const text = await response.text()
    const data = text ? JSON.parse(text) : {}
    if (!response.ok) throw new AdminRequestError(method, path, response.status, data.type ?? 'unknown', data.message ?? text)
    return data
  }

  /** Calls a route by the spec's operationId: path params filled in, the rest sent as the body (or query). */
  op<T = Record<string, any>>(operationId: string, params: Record<string, unknown> = {}, form?: FormData): Promise<T> {
    const route = this.engine.routes.find((r) => r.operationId === operationId)
    if (!route) throw new Error(`[offwrite] no route ${operationId}`)
    const rest: Record<string, unknown> = { ...params }
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = rest[name]
      delete rest[name]
      return encodeURIComponent(String(value))
    })
    if (form) return this.request<T>(route.method, path, { body: form })
    if (route.method === 'GET' || route.method === 'DELETE') {
      const query = new URLSearchParams()
      for (const [name, value] of Object.entries(rest)) {
        if (Array.isArray(value)) for (const [i, v] of value.entries()) query.append(`${name}[${i}]`, String(v))
        else if (value !== undefined) query.append(name, String(value))
      }
      const search = query.toString()
      return this.request<T>(route.method, search ? `${path}?${search}` : path)
    }
    return this.request<T>(route.method, path, { body: rest })
  }
}
