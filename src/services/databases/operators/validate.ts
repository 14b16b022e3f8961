import type { Flavor } from '../flavor.js'
import type { AttributeRecord } from '../records.js'
import { FILTER_CONDITIONS, INT_MAX, INT_MIN, type Operation, isNumericMethod } from './methods.js'
import { predictNumber } from './apply.js'
import { phpType } from '../../../util/values.js'

const STRING_TYPES = new Set(['string', 'varchar', 'text', 'mediumtext', 'longtext'])
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/**
 * Why an operator cannot apply to an attribute holding `current`, in Appwrite's words (utopia-php/database's
 * operator validator), or `undefined` when it can.
 */
export const operatorProblem = (attr: AttributeRecord | undefined, key: string, op: Operation, current: unknown): string | undefined => {
  // Appwrite's structure check runs first and names an unknown key so; the operator validator never sees it.
  if (!attr) return `Unknown attribute: "${key}"`
  const { method, values } = op
  if (isNumericMethod(method)) {
    if ((attr.type !== 'integer' && attr.type !== 'double') || attr.array) return `Cannot apply ${method} to non-numeric field '${key}'`
    if (!isNumber(values[0])) return `Numeric operator value must be numeric, got ${phpType(values[0])}`
    if ((method === 'divide' || method === 'modulo') && values[0] === 0) return `${method === 'divide' ? 'Division' : 'Modulo'} by zero is not allowed`
    if (values.length > 1 && values[1] !== null && !isNumber(values[1])) return `Max/min limit must be numeric, got ${phpType(values[1])}`
    if (attr.type === 'integer' && (values[1] === undefined || values[1] === null)) {
      const predicted = predictNumber(method, Number(current ?? 0), values[0])
      if (predicted > INT_MAX) return `Attribute '${key}': invalid type, value must be less than or equal to ${INT_MAX}`
      if (predicted < INT_MIN) return `Attribute '${key}': invalid type, value must be greater than or equal to ${INT_MIN}`
    }
    return undefined
  }
  switch (method) {
    case 'arrayAppend':
    case 'arrayPrepend':
    case 'arrayUnique':
      return attr.array ? undefined : `Cannot apply ${method} to non-array field '${key}'`
    case 'arrayInsert': {
      if (!attr.array) return `Cannot use ${method} operator on non-array attribute '${key}'`
      if (values.length !== 2) return 'Insert operator requires exactly 2 values: index and value'
      const index = values[0]
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return 'Insert index must be a non-negative integer'
      const length = Array.isArray(current) ? current.length : 0
      return index > length ? `Insert index ${index} is out of bounds for array of length ${length}` : undefined
    }
    case 'arrayRemove':
    case 'arrayIntersect':
    case 'arrayDiff':
    case 'arrayFilter': {
      if (!attr.array) return `Cannot use ${method} operator on non-array attribute '${key}'`
      if (method === 'arrayRemove' && values.length === 0) return 'Array remove operator requires a value to remove'
      if (method !== 'arrayFilter') return undefined
      if (values.length < 1 || values.length > 2) return 'Array filter operator requires 1 or 2 values: condition and optional comparison value'
      if (typeof values[0] !== 'string') return 'Array filter condition must be a string'
      return FILTER_CONDITIONS.includes(values[0]) ? undefined : `Invalid array filter condition: ${values[0]}`
    }
    case 'stringConcat': {
      if (!STRING_TYPES.has(attr.type) && !attr.array) return `Cannot apply concat to non-string field '${key}'`
      if (typeof values[0] !== 'string') return 'String concatenation operator requires a string value'
      const length = String(current ?? '').length + values[0].length
      return attr.size && !attr.array && length > attr.size ? `Attribute '${key}': invalid type, value must be no longer than ${attr.size} characters` : undefined
    }
    case 'stringReplace':
      if (!STRING_TYPES.has(attr.type)) return `Cannot apply replace to non-string field '${key}'`
      return values.length === 2 && typeof values[0] === 'string' && typeof values[1] === 'string'
        ? undefined
        : 'Replace operator requires exactly 2 string values: search and replace'
    case 'toggle':
      return attr.type === 'boolean' ? undefined : `Cannot apply toggle to non-boolean field '${key}'`
    case 'dateAddDays':
    case 'dateSubDays':
      if (attr.type !== 'datetime') return `Invalid date format in field '${key}'`
      return typeof values[0] === 'number' && Number.isInteger(values[0]) ? undefined : 'Date operator requires an integer number of days'
    case 'dateSetNow':
      return attr.type === 'datetime' ? undefined : `Invalid date format in field '${key}'`
    default:
      return `Unsupported operator method: ${method}`
  }
}

/** Throws Appwrite's 400 `document_invalid_structure` (`row_invalid_structure`) for the first bad operator. */
export const assertOperators = (flavor: Flavor, attributes: readonly AttributeRecord[], operators: Map<string, Operation>, doc: Record<string, unknown>) => {
  for (const [key, op] of operators) {
    const problem = operatorProblem(attributes.find((a) => a.key === key && a.status === 'available'), key, op, doc[key])
    if (problem) throw flavor.error('document_invalid_structure', { message: `Invalid document structure: ${problem}` })
  }
}
