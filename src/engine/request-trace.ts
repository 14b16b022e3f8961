import type { Caller } from './context.js'
import type { RouteSpec } from './route-spec.js'

/** One answered request, as `createEngine({ onRequest })` reports it (the admin request log builds on it). */
export interface RequestTrace {
  request: Request
  /** Null when the request failed before its project was known. */
  projectId: string | null
  route: RouteSpec | null
  caller: Caller | null
  status: number
  /** What the request failed with (an `AppwriteError` for Appwrite's errors), else null. */
  error: unknown
  durationMs: number
}
