import type { RouteSpec } from './route-spec.js'

export interface RouteMatch {
  spec: RouteSpec
  pathParams: Record<string, string>
}

interface CompiledRoute {
  spec: RouteSpec
  pattern: RegExp
  names: string[]
  /** Literal segments rank above `{param}` ones, so `/account/sessions/email` beats `/account/sessions/{id}`. */
  rank: string
}

const compile = (spec: RouteSpec): CompiledRoute => {
  const names: string[] = []
  const segments = spec.path.split('/').filter(Boolean)
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(param[1])
      return '([^/]+)'
    })
    .join('/')
  return {
    spec,
    pattern: new RegExp(`^/${source}/?$`),
    names,
    rank: segments.map((s) => (s.startsWith('{') ? '1' : '0')).join(''),
  }
}

/** Matches a method and a path (below `/v1`) to a route of the table. */
export class Router {
  readonly #byMethod = new Map<string, CompiledRoute[]>()

  constructor(specs: readonly RouteSpec[]) {
    for (const spec of specs) {
      const list = this.#byMethod.get(spec.method) ?? []
      list.push(compile(spec))
      this.#byMethod.set(spec.method, list)
    }
    for (const list of this.#byMethod.values()) list.sort((a, b) => a.rank.localeCompare(b.rank))
  }

  match(method: string, path: string): RouteMatch | null {
    for (const route of this.#byMethod.get(method) ?? []) {
      const found = route.pattern.exec(path)
      if (!found) continue
      const pathParams: Record<string, string> = {}
      route.names.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(found[i + 1])
      })
      return { spec: route.spec, pathParams }
    }
    return null
  }
}
