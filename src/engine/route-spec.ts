/** One parameter of an Appwrite route, as the spec declares it. */
export interface ParamSpec {
  name: string
  in: 'path' | 'query' | 'body'
  type: string
  required: boolean
  format?: string
  enum?: unknown[]
  items?: string
  default?: unknown
  nullable?: boolean
}

/** One Appwrite route, generated from the spec (client routes) or the node SDK (server-only routes). */
export interface RouteSpec {
  operationId: string
  method: string
  path: string
  service: string
  scopes: string[]
  group: string | null
  source: 'client' | 'server'
  params: ParamSpec[]
  response: { status: number; model: string | null; models: string[] | null; binary: boolean }
}

export interface PropertySpec {
  name: string
  type: string
  required: boolean
  model?: string
  models?: string[]
  format?: string
  enum?: unknown[]
}

/** A response model: the keys it holds, in Appwrite's order. `any` models pass every key through. */
export interface ModelSpec {
  any: boolean
  properties: PropertySpec[]
}
