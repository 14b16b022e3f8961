import type { EngineEvent } from '../store/write-path.js'
import type { ProjectStore } from '../store/project-store.js'
import type { Params } from './read-params.js'
import type { RouteSpec } from './route-spec.js'

/** A user as stored (internal fields included). Services render it through the `user` model. */
export interface UserRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  name: string
  email?: string
  phone?: string
  password?: string
  hash?: string
  hashOptions?: Record<string, unknown>
  registration: string
  status: boolean
  labels: string[]
  passwordUpdate?: string
  emailVerification: boolean
  phoneVerification: boolean
  mfa: boolean
  prefs: Record<string, unknown>
  accessedAt: string
  [key: string]: unknown
}

export interface SessionRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  userId: string
  expire: string
  provider: string
  providerUid: string
  secretHash: string
  factors: string[]
  [key: string]: unknown
}

export interface ApiKey {
  secret: string
  scopes: readonly string[] | '*'
}

/** Who is calling, resolved once per request. */
export interface Caller {
  user: UserRecord | null
  session: SessionRecord | null
  key: ApiKey | null
  /** The request authenticated with `X-Appwrite-JWT`. */
  jwt: boolean
  roles: string[]
  scopes: readonly string[] | '*'
  /** Per-session memo that lives as long as the cached session (cleared by any write to the auth stores). */
  memo?: Map<string, unknown>
}

/** Project settings the emulator can be configured with (Appwrite's `auths.*` policies and keys). */
export interface ProjectSettings {
  name?: string
  apiKeys?: ApiKey[]
  auth?: {
    /** Session length in seconds (default one year). */
    duration?: number
    /** Sessions kept per user (default 10). */
    maxSessions?: number
    /** Maximum number of users, 0 = unlimited. */
    limit?: number
    passwordHistory?: number
    personalDataCheck?: boolean
    /** Sign-in methods; a disabled one answers 501 `user_auth_method_unsupported` (all on by default). */
    methods?: Partial<Record<'emailPassword' | 'magicURL' | 'emailOTP' | 'anonymous' | 'invites' | 'jwt' | 'phone', boolean>>
    /** OAuth2 providers by name; `false` answers 412 `project_provider_disabled` (all on by default). */
    oauth2?: Record<string, boolean>
    /** On a password change delete the other sessions; on recovery, all of them. */
    invalidateSessions?: boolean
    /** Phone numbers whose OTP is fixed and for which no SMS is sent. */
    mockNumbers?: Array<{ phone: string; otp: string }>
    /** MFA factors the project allows (totp, email, phone on by default). */
    mfaFactors?: { totp?: boolean; email?: boolean; phone?: boolean }
    /** Membership privacy: user fields memberships show to clients (all but `userAccessedAt` on by default). */
    memberships?: { userName?: boolean; userEmail?: boolean; userPhone?: boolean; userId?: boolean; mfa?: boolean; userAccessedAt?: boolean }
  }
  /** Appwrite's `_APP_STORAGE_LIMIT`: the largest `maximumFileSize` a bucket may have, in bytes (default 30,000,000). */
  storage?: { limit?: number }
}

export interface Clock {
  now(): Date
}

/** Everything a route handler gets. Handlers return data (rendered as the route's model) or a `Reply`. */
export interface RequestContext {
  request: Request
  url: URL
  route: RouteSpec
  params: Params
  projectId: string
  settings: ProjectSettings
  store: ProjectStore
  caller: Caller
  format: string
  now: Date
  /** Response headers the handler adds (e.g. `X-Fallback-Cookies`). */
  headers: Headers
  userAgent: string
  ip: string
  newId(): string
  jwtSecret(): Promise<Uint8Array>
  /** Builds an event for `writer.emit`, stamped with this project and the time. */
  event(events: string[], model: string, payload: Record<string, unknown>, readRoles: string[]): EngineEvent
}

export type Handler = (ctx: RequestContext) => Promise<unknown>

/** A service: the stores it needs and the handlers it binds, by the spec's operationId. */
export interface ServiceDefinition {
  name: string
  stores?: Record<string, string>
  routes: Record<string, Handler>
  /** offwrite's own routes, not in Appwrite's spec (e.g. `GET /offwrite/outbox`); bound in `routes` by operationId. */
  extraRoutes?: RouteSpec[]
  /** Runs before the handler of every route of every service (Appwrite's init hooks, e.g. MFA); throws to refuse. */
  guard?: (ctx: RequestContext) => Promise<void>
}

/** Lets a handler choose status, headers or a raw body instead of the route's default rendering. */
export class Reply {
  constructor(
    readonly init: {
      status?: number
      body?: unknown
      model?: string | null
      headers?: Record<string, string>
      response?: Response
    },
  ) {}
}

export const reply = (init: Reply['init']) => new Reply(init)
