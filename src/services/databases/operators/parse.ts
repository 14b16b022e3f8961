import { AppwriteError } from '../../../errors/index.js'
import type { Doc } from '../documents/store.js'
import { OPERATOR_METHODS, type Operation } from './methods.js'
import { isRecord } from '../../../util/values.js'

/** A JSON string naming a known operator method, decoded; anything else is a plain value (`undefined`). */
const decode = (value: unknown): Record<string, unknown> | undefined => {
  if (typeof value === 'string') {
    if (!value.startsWith('{')) return undefined
    try {
      const parsed = JSON.parse(value)
      return isRecord(parsed) && typeof parsed.method === 'string' && OPERATOR_METHODS.has(parsed.method) ? parsed : undefined
    } catch {
      return undefined
    }
  }
  // Staged transaction logs may hold operators already decoded.
  return isRecord(value) && typeof value.method === 'string' && OPERATOR_METHODS.has(value.method) ? value : undefined
}

/**
 * Splits update data into plain values and operators. Appwrite decodes any top-level value that is JSON
 * naming a known operator method (`$` keys and relationship keys excepted).
 * @note So a plain string that happens to look like `{"method":"toggle"}` is an operator, as in Appwrite.
 */
export const splitOperators = (data: Doc, skip: ReadonlySet<string> = new Set()): { plain: Doc; operators: Map<string, Operation> } => {
  const plain: Doc = {}
  const operators = new Map<string, Operation>()
  for (const [key, value] of Object.entries(data)) {
    const decoded = key.startsWith('$') || skip.has(key) ? undefined : decode(value)
    if (!decoded) {
      plain[key] = value
      continue
    }
    const values = decoded.values ?? []
    if (!Array.isArray(values)) {
      throw new AppwriteError('general_bad_request', { message: `Invalid operator for attribute "${key}": Invalid operator values. Must be an array` })
    }
    operators.set(key, { method: decoded.method as string, values })
  }
  return { plain, operators }
}
