import { routeScopes } from '../auth/scopes.js'
import { AppwriteError } from '../errors/index.js'
import { renderModel } from '../formats/index.js'
import { readFormat } from '../formats/versions.js'
import { routeSpecs } from '../generated/routes.js'
import { type IndexedDbPlatform, defaultPlatform } from '../store/platform.js'
import { ProjectStore } from '../store/project-store.js'
import type { EngineEvent, WriteLayer } from '../store/write-path.js'
import { formatDate } from '../util/time.js'
import { uniqueId } from '../util/id.js'
import { authenticate } from './authenticate.js'
import { type Caller, type ProjectSettings, type RequestContext, Reply, type ServiceDefinition } from './context.js'
import { readBody, readSearchParams } from './read-params.js'
import { baseHeaders, emptyResponse, errorResponse, jsonResponse } from './respond.js'
import type { RouteSpec } from './route-spec.js'
import { Router } from './router.js'
import { SessionCache } from './session-cache.js'
import { ProjectRegistry } from './projects.js'
import { validateParams } from './validate-params.js'
import type { RequestTrace } from './request-trace.js'

export interface EngineOptions extends Partial<IndexedDbPlatform> {
  /** Services to serve (default: all of offwrite's). */
  services: readonly ServiceDefinition[]
  /** Projects registered at start, by id or with settings. Requests for other projects get `project_not_found`. */
  projects?: ReadonlyArray<string | ({ id: string } & ProjectSettings)>
  /** Database name prefix: `<prefix>` holds the project list, `<prefix>:<projectId>` each project. */
  dbPrefix?: string
  /** A fixed clock for deterministic tests. */
  now?: () => Date
  /** A fixed ID generator for deterministic tests (replaces `unique()`). */
  newId?: () => string
  /** Features wrapped around every write (realtime relay, sync outbox, …). */
  layers?: readonly WriteLayer[]
  /** Called after each committed write with the events it made. */
  onEvents?: (events: EngineEvent[]) => void
  /** Called after each request with what was asked, who asked and how it ended (the admin request log). */
  onRequest?: (trace: RequestTrace) => void
}

export interface Engine {
  /** Whether the request is for the Appwrite API (a path below `/v1`). */
  owns(request: Request): boolean
  handle(request: Request): Promise<Response>
  /** The route table with each route's implementation status. */
  readonly routes: ReadonlyArray<RouteSpec & { implemented: boolean }>
  registerProject(id: string, settings?: ProjectSettings): Promise<void>
  /** The project's store (admin and tests). */
  store(projectId: string): Promise<ProjectStore>
  /** Deletes every record of the project, keeping the project and its settings. */
  reset(projectId: string): Promise<void>
  close(): void
}

const API_PREFIX = /^(.*?)\/v1(?=\/|$)/

const hasScope = (caller: Caller, route: RouteSpec): boolean => {
  if (caller.scopes === '*') return true
  // Server-only routes are not in the client spec: only API keys may call them.
  if (route.source === 'server' && !caller.key) return false
  const needed = routeScopes(route)
  return needed.length === 0 || needed.some((scope) => caller.scopes.includes(scope))
}

const scopeError = (caller: Caller, route: RouteSpec) => {
  const role = caller.key ? 'applications' : caller.user ? 'users' : 'guests'
  const who = caller.user?.email || 'User'
  const missing = routeScopes(route)
  return new AppwriteError('general_unauthorized_scope', {
    message: `${who} (role: ${role}) missing scopes (${JSON.stringify(missing)})`,
  })
}

/**
 * Creates an Appwrite engine: a `handle(Request) → Response` over IndexedDB that runs unchanged in a service
 * worker, a page, a Web Worker or Node (with fake-indexeddb).
 * @example
 * const engine = createEngine({ services: allServices, projects: ['demo'] })
 * const res = await engine.handle(new Request('http://x/v1/account', { headers: { 'x-appwrite-project': 'demo' } }))
 */
export const createEngine = (options: EngineOptions): Engine => {
  const platform =
    options.indexedDB && options.IDBKeyRange
      ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
      : defaultPlatform()
  const prefix = options.dbPrefix ?? 'offwrite'
  const clock = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => uniqueId(clock()))
  const handlers = new Map(options.services.flatMap((s) => Object.entries(s.routes)))
  const schema = Object.assign({}, ...options.services.map((s) => s.stores ?? {}))
  const specs = [...routeSpecs, ...options.services.flatMap((s) => s.extraRoutes ?? [])]
  const guards = options.services.flatMap((s) => (s.guard ? [s.guard] : []))
  const router = new Router(specs)
  const registry = new ProjectRegistry(platform, prefix)
  const stores = new Map<string, Promise<ProjectStore>>()
  const relay: WriteLayer = {
    name: 'events',
    afterCommit: (_changes, events) => {
      if (events.length) options.onEvents?.(events)
    },
  }
  const sessionCache = new SessionCache()
  const layers = [sessionCache.layer, ...(options.layers ?? []), relay]

  const ready = Promise.all(
    (options.projects ?? []).map((p) =>
      typeof p === 'string' ? registry.register(p, {}, clock()) : registry.register(p.id, p, clock()),
    ),
  )

  const store = (projectId: string): Promise<ProjectStore> => {
    let opened = stores.get(projectId)
    if (!opened) {
      opened = ProjectStore.open(projectId, schema, platform, layers, prefix)
      opened.catch(() => stores.delete(projectId))
      stores.set(projectId, opened)
    }
    return opened
  }

  const handle = async (request: Request): Promise<Response> => {
    if (!options.onRequest) return answer(request, {})
    const started = performance.now()
    const trace: Partial<RequestTrace> = {}
    const response = await answer(request, trace)
    const { projectId = null, route = null, caller = null, error = null } = trace
    options.onRequest({ request, projectId, route, caller, error, status: response.status, durationMs: performance.now() - started })
    return response
  }

  const answer = async (request: Request, trace: Partial<RequestTrace>): Promise<Response> => {
    const headers = baseHeaders()
    try {
      if (request.method === 'OPTIONS') return emptyResponse(headers)
      await ready
      const url = new URL(request.url)
      const path = url.pathname.replace(API_PREFIX, '')
      const match = router.match(request.method, path)
      if (!match) throw new AppwriteError('general_route_not_found')
      const route = match.spec
      trace.route = route

      const query = readSearchParams(url.searchParams)
      const body = await readBody(request)
      const raw = { ...query, ...body, ...match.pathParams }
      const projectId = String(
        (request.method === 'GET' ? query.project : body.project) ??
          request.headers.get('x-appwrite-project') ??
          query.project ??
          '',
      )
      if (!projectId) {
        throw new AppwriteError('general_access_forbidden', {
          message: 'No Appwrite project was specified. Please specify your project ID when initializing your Appwrite SDK.',
        })
      }
      const project = await registry.get(projectId)
      trace.projectId = projectId
      if (!project) throw new AppwriteError('project_not_found')
      const projectStore = await store(projectId)
      const now = clock()
      const jwtSecret = async () => project.jwtSecret
      const caller = await authenticate(request, projectId, projectStore, project.settings, now, jwtSecret, sessionCache)
      trace.caller = caller

      if (!hasScope(caller, route)) throw scopeError(caller, route)
      if (caller.user && caller.user.status === false) throw new AppwriteError('user_blocked')

      const handler = handlers.get(route.operationId)
      if (!handler) {
        throw new AppwriteError('general_not_implemented', {
          message: `offwrite does not implement ${route.method} /v1${route.path} (${route.operationId}) yet.`,
        })
      }
      const params = validateParams(route.params, raw)
      const format = readFormat(request.headers.get('x-appwrite-response-format'))
      const ctx: RequestContext = {
        request,
        url,
        route,
        params,
        projectId,
        settings: project.settings,
        store: projectStore,
        caller,
        format,
        now,
        headers,
        userAgent: request.headers.get('x-forwarded-user-agent') ?? request.headers.get('user-agent') ?? '',
        ip: '127.0.0.1',
        newId,
        jwtSecret,
        event: (events, model, payload, readRoles) => ({
          projectId,
          events,
          model,
          payload,
          readRoles,
          timestamp: formatDate(clock()),
        }),
      }
      for (const guard of guards) await guard(ctx)
      const result = await handler(ctx)
      return render(ctx, result)
    } catch (error) {
      trace.error = error
      return errorResponse(error, headers)
    }
  }

  const render = (ctx: RequestContext, result: unknown): Response => {
    const init = result instanceof Reply ? result.init : { body: result }
    if (init.response) return init.response
    for (const [name, value] of Object.entries(init.headers ?? {})) ctx.headers.set(name, value)
    const status = init.status ?? ctx.route.response.status
    if (status === 204 || (init.body === undefined && ctx.route.response.status === 204)) return emptyResponse(ctx.headers)
    const model = init.model === undefined ? ctx.route.response.model : init.model
    const showSensitive = ctx.caller.key !== null
    const body = model ? renderModel(model, init.body, ctx.format, { showSensitive }) : init.body
    return jsonResponse(status, body, ctx.headers)
  }

  return {
    owns: (request) => API_PREFIX.test(new URL(request.url).pathname),
    handle,
    routes: specs.map((r) => ({ ...r, implemented: handlers.has(r.operationId) })),
    async registerProject(id, settings = {}) {
      await ready
      await registry.register(id, settings, clock())
    },
    store: async (projectId) => {
      await ready
      return store(projectId)
    },
    async reset(projectId) {
      await (await store(projectId)).clear()
    },
    close() {
      // Projects may still be registering: close once that is done, never under it.
      void ready.then(() => registry.close(), () => registry.close())
      for (const opened of stores.values()) opened.then((s) => s.close(), () => {})
    },
  }
}

