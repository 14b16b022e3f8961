import { formatDate } from '../../../util/time.js'
import type { AttributeRecord } from '../records.js'
import { type Operation, isNumericMethod } from './methods.js'

const DAY_MS = 86_400_000

/** The raw numeric result of a numeric operator, before bounds. */
export const predictNumber = (method: string, base: number, operand: number): number => {
  switch (method) {
    case 'decrement':
      return base - operand
    case 'multiply':
      return base * operand
    case 'divide':
      return base / operand
    case 'modulo':
      return base % operand
    case 'power':
      return base ** operand
    default:
      return base + operand
  }
}

/** MariaDB rounds a fractional result stored in an integer column half away from zero. */
const asInteger = (n: number) => Math.sign(n) * Math.round(Math.abs(n))

const numeric = (method: string, values: unknown[], current: unknown, integer: boolean): number => {
  const base = typeof current === 'number' ? current : 0
  const operand = (values[0] as number | undefined) ?? 1
  const bound = values[1] as number | null | undefined
  const raw = predictNumber(method, base, operand)
  // A result past the operator's own limit leaves the value as it was (no error), as Appwrite's SQL does.
  const lower = method === 'decrement' || method === 'divide'
  const outside = !Number.isFinite(raw) || (bound !== null && bound !== undefined && (lower ? raw < bound : raw > bound))
  const result = outside ? base : raw
  return integer ? asInteger(result) : result
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

const matches = (condition: string, item: unknown, value: unknown): boolean => {
  switch (condition) {
    case 'equal':
      return same(item, value)
    case 'notEqual':
      return !same(item, value)
    case 'greaterThan':
      return (item as number) > (value as number)
    case 'greaterThanEqual':
      return (item as number) >= (value as number)
    case 'lessThan':
      return (item as number) < (value as number)
    case 'lessThanEqual':
      return (item as number) <= (value as number)
    case 'isNull':
      return item === null
    default:
      return item !== null
  }
}

/**
 * The value an attribute holds after an (already validated) operator: NULL counts as 0, '', false or [].
 * A pure function, so the same code serves updates, upserts, bulk writes and transaction replays.
 */
export const applyOperator = (attr: AttributeRecord, op: Operation, current: unknown, now: Date): unknown => {
  const { method, values } = op
  const list = Array.isArray(current) ? current : []
  if (isNumericMethod(method)) return numeric(method, values, current, attr.type === 'integer')
  switch (method) {
    case 'stringConcat':
      return attr.array ? [...list, values[0]] : `${current ?? ''}${values[0]}`
    case 'stringReplace':
      return typeof current === 'string' ? current.replaceAll(values[0] as string, values[1] as string) : current
    case 'toggle':
      return !(current ?? false)
    case 'arrayAppend':
      return [...list, ...values]
    case 'arrayPrepend':
      return [...values, ...list]
    case 'arrayInsert':
      return [...list.slice(0, values[0] as number), values[1], ...list.slice(values[0] as number)]
    case 'arrayRemove':
      return list.filter((item) => !same(item, values[0]))
    case 'arrayUnique':
      return list.filter((item, i) => list.findIndex((other) => same(other, item)) === i)
    case 'arrayIntersect':
      return list.filter((item) => values.some((v) => same(v, item)))
    case 'arrayDiff':
      return list.filter((item) => !values.some((v) => same(v, item)))
    case 'arrayFilter':
      return list.filter((item) => matches(values[0] as string, item, values[1]))
    case 'dateAddDays':
    case 'dateSubDays': {
      if (typeof current !== 'string') return current
      const days = (values[0] as number) * (method === 'dateAddDays' ? 1 : -1)
      return formatDate(Date.parse(current) + days * DAY_MS)
    }
    default:
      return formatDate(now)
  }
}
