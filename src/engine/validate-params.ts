import { invalidParam, missingParam } from '../errors/index.js'
import type { Params } from './read-params.js'
import type { ParamSpec } from './route-spec.js'

const isInteger = (v: unknown) => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))

/** Query strings carry text only: turn it into the spec's type before checking. */
const coerce = (spec: ParamSpec, value: unknown): unknown => {
  if (typeof value !== 'string') {
    if (spec.type === 'array' && value !== undefined && !Array.isArray(value)) return value
    return value
  }
  switch (spec.type) {
    case 'boolean':
      return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value
    case 'integer':
    case 'number':
      return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value
    case 'array':
      return [value]
    case 'object':
      try {
        return JSON.parse(value)
      } catch {
        return value
      }
    default:
      return value
  }
}

const checkType = (spec: ParamSpec, value: unknown): void => {
  const fail = (reason: string) => {
    throw invalidParam(spec.name, reason)
  }
  switch (spec.type) {
    case 'string':
      if (spec.format === 'binary') return
      if (typeof value !== 'string') fail('Value must be a valid string and at least 1 chars and no longer than 256 chars')
      if (spec.enum && !spec.enum.includes(value)) fail(`Value must be one of (${spec.enum.join(', ')})`)
      return
    case 'boolean':
      if (typeof value !== 'boolean') fail('Value must be a valid boolean')
      return
    case 'integer':
      if (!isInteger(value)) fail('Value must be a valid integer')
      return
    case 'number':
      if (typeof value !== 'number' && typeof value !== 'bigint') fail('Value must be a valid float')
      return
    case 'array':
      if (!Array.isArray(value)) fail('Value must a valid array')
      return
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('Value must be a valid object.')
      return
  }
}

/**
 * Checks presence and type of every declared parameter, as Appwrite's router does before the action runs,
 * and fills declared defaults. Semantic checks (IDs, emails, passwords) belong to the services.
 */
export const validateParams = (specs: readonly ParamSpec[], raw: Params): Params => {
  const params: Params = { ...raw }
  for (const spec of specs) {
    let value = coerce(spec, raw[spec.name])
    if (value === undefined || (value === null && !spec.nullable && spec.type !== 'object')) {
      if (spec.required) throw missingParam(spec.name)
      value = spec.default !== undefined ? structuredClone(spec.default) : undefined
      params[spec.name] = value
      continue
    }
    if (value === null) {
      params[spec.name] = null
      continue
    }
    checkType(spec, value)
    params[spec.name] = value
  }
  return params
}
