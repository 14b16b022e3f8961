export { createEngine, type Engine, type EngineOptions } from './create-engine.js'
export type {
  ApiKey, Caller, Handler, ProjectSettings, RequestContext, ServiceDefinition, SessionRecord, UserRecord,
} from './context.js'
export { Reply, reply } from './context.js'
export type { RouteSpec, ModelSpec, ParamSpec } from './route-spec.js'
export type { RequestTrace } from './request-trace.js'
