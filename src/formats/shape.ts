import { modelSpecs } from '../generated/models.js'
import type { PropertySpec } from '../engine/route-spec.js'

export interface ShapeOptions {
  /** API keys and privileged callers see `Session.secret`, `Token.secret`, execution logs. */
  showSensitive: boolean
}

const SENSITIVE: Record<string, string[]> = {
  session: ['secret'],
  token: ['secret'],
  execution: ['logs', 'errors'],
}

const fallback = (prop: PropertySpec): unknown => {
  switch (prop.type) {
    case 'string':
      return ''
    case 'boolean':
      return false
    case 'integer':
    case 'number':
      return 0
    case 'array':
      return []
    default:
      return {}
  }
}

/**
 * Renders `data` as the named response model: exactly the model's keys in its order, required keys filled
 * with their defaults, nested models rendered in turn. `any` models (documents, rows, prefs) pass every key.
 * @note Appwrite renders a missing required string as `""`, never null (Response::output).
 */
export const shapeModel = (model: string, data: unknown, options: ShapeOptions): unknown => {
  const spec = modelSpecs[model]
  if (!spec || data === null || typeof data !== 'object') return data
  const source = data as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const prop of spec.properties) {
    let value = source[prop.name]
    if (value === undefined || value === null) {
      if (!prop.required) {
        if (value === null) out[prop.name] = null
        continue
      }
      value = fallback(prop)
    }
    if (prop.model && modelSpecs[prop.model]) {
      value = Array.isArray(value)
        ? value.map((item) => shapeModel(prop.model as string, item, options))
        : shapeModel(prop.model, value, options)
    }
    out[prop.name] = value
  }
  if (spec.any) {
    for (const [key, value] of Object.entries(source)) if (!(key in out)) out[key] = value
  }
  if (!options.showSensitive) for (const key of SENSITIVE[model] ?? []) if (key in out) out[key] = ''
  if ((model === 'user' || model === 'team') && isEmptyObject(out.prefs)) out.prefs = {}
  return out
}

const isEmptyObject = (v: unknown) => !v || (typeof v === 'object' && Object.keys(v as object).length === 0)
