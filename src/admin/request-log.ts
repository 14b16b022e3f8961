import { routeScopes } from '../auth/scopes.js'
import type { RequestTrace } from '../engine/index.js'

/** Why a request was refused: the error Appwrite answers, and the rule behind it. */
export interface Refusal {
  type: string
  message: string
  /** The rule that refused, e.g. `scope: needs one of ["documents.write"] (role: guests)` or a service's own. */
  rule: string
}

/** One request as the admin request log shows it (plain JSON: it crosses comlink and the HTTP admin API). */
export interface RequestLogEntry {
  /** When it arrived (real time, not the fixed test clock). */
  at: string
  projectId: string | null
  method: string
  /** The path below `/v1`, with the query string. */
  path: string
  operationId: string | null
  status: number
  durationMs: number
  /** The caller's permission roles (empty for an API key). */
  roles: string[]
  userId: string | null
  apiKey: boolean
  /** Appwrite's error type, for every failed request. */
  error?: { type: string; message: string }
  /** For permission refusals (401/403 and friends): which rule refused. */
  refusal?: Refusal
}

export interface RequestLogQuery {
  projectId?: string
  /** The newest `limit` entries. */
  limit?: number
  /** Only refused requests. */
  refusedOnly?: boolean
}

/** Error types that mean "you may not", as opposed to "this is wrong" or "this is missing". */
const REFUSALS = new Set([
  'general_unauthorized_scope', 'user_unauthorized', 'user_blocked', 'general_access_forbidden', 'user_jwt_invalid',
  'user_more_factors_required',
])

const describeRule = (trace: RequestTrace, type: string, message: string): string => {
  const own = (trace.error as { rule?: unknown } | null)?.rule
  if (typeof own === 'string') return own
  if (type === 'general_unauthorized_scope' && trace.route) {
    const role = trace.caller?.key ? 'applications' : trace.caller?.user ? 'users' : 'guests'
    const needed = routeScopes(trace.route)
    if (trace.route.source === 'server' && !trace.caller?.key) return `server route: needs an API key (role: ${role})`
    return `scope: needs one of ${JSON.stringify(needed)} (role: ${role})`
  }
  return message
}

const errorOf = (trace: RequestTrace): { type: string; message: string } | undefined => {
  const error = trace.error as { type?: unknown; message?: unknown } | null
  if (!error) return undefined
  return { type: typeof error.type === 'string' ? error.type : 'general_unknown', message: String(error.message ?? '') }
}

/** Turns an engine trace into a log entry. */
export const toLogEntry = (trace: RequestTrace, at: Date = new Date()): RequestLogEntry => {
  const url = new URL(trace.request.url)
  const error = errorOf(trace)
  const entry: RequestLogEntry = {
    at: at.toISOString(),
    projectId: trace.projectId,
    method: trace.request.method,
    path: url.pathname.replace(/^.*?\/v1(?=\/|$)/, '') + url.search,
    operationId: trace.route?.operationId ?? null,
    status: trace.status,
    durationMs: Math.round(trace.durationMs * 1000) / 1000,
    roles: [...(trace.caller?.roles ?? [])],
    userId: trace.caller?.user?.$id ?? null,
    apiKey: Boolean(trace.caller?.key),
  }
  if (error) entry.error = error
  if (error && (REFUSALS.has(error.type) || trace.status === 401 || trace.status === 403)) {
    entry.refusal = { ...error, rule: describeRule(trace, error.type, error.message) }
  }
  return entry
}

/** The newest requests the engine answered, kept in memory (a ring of `capacity` entries). */
export class RequestLog {
  #entries: RequestLogEntry[] = []

  constructor(readonly capacity = 1000) {}

  record(trace: RequestTrace): void {
    this.#entries.push(toLogEntry(trace))
    if (this.#entries.length > this.capacity) this.#entries.splice(0, this.#entries.length - this.capacity)
  }

  list(query: RequestLogQuery = {}): RequestLogEntry[] {
    let entries = this.#entries
    if (query.projectId) entries = entries.filter((e) => e.projectId === query.projectId)
    if (query.refusedOnly) entries = entries.filter((e) => e.refusal)
    return query.limit ? entries.slice(-query.limit) : [...entries]
  }

  clear(projectId?: string): void {
    this.#entries = projectId ? this.#entries.filter((e) => e.projectId !== projectId) : []
  }
}
