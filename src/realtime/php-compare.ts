/**
 * PHP 8's comparison operators, which Appwrite's realtime filters use (`===` for equal/notEqual, `<`, `<=`, …
 * for the others) on the JSON-decoded payload.
 */

const isNumeric = (text: string) => /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)

type Num = number | bigint

const isNum = (v: unknown): v is Num => typeof v === 'number' || typeof v === 'bigint'

const compareNumbers = (a: Num, b: Num): number => {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0
  const x = Number(a)
  const y = Number(b)
  return x < y ? -1 : x > y ? 1 : 0
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const truthy = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : typeof v === 'bigint' ? v !== 0n : v !== '0' && !!v

/** `$a <=> $b` for JSON values (scalars, arrays, objects). */
export const phpCompare = (a: unknown, b: unknown): number => {
  if (a === undefined) a = null
  if (b === undefined) b = null
  if (a === null && typeof b === 'string') return compareStrings('', b)
  if (b === null && typeof a === 'string') return compareStrings(a, '')
  if (typeof a === 'boolean' || typeof b === 'boolean' || a === null || b === null) {
    return Number(truthy(a)) - Number(truthy(b))
  }
  if (isNum(a) && isNum(b)) return compareNumbers(a, b)
  if (typeof a === 'string' && typeof b === 'string') {
    return isNumeric(a) && isNumeric(b) ? compareNumbers(Number(a), Number(b)) : compareStrings(a, b)
  }
  if (isNum(a) && typeof b === 'string') return isNumeric(b) ? compareNumbers(a, Number(b)) : compareStrings(String(a), b)
  if (typeof a === 'string' && isNum(b)) return isNumeric(a) ? compareNumbers(Number(a), b) : compareStrings(a, String(b))
  // An array is greater than any scalar; arrays compare by size, then element by element.
  const aList = typeof a === 'object' ? Object.values(a as object) : null
  const bList = typeof b === 'object' ? Object.values(b as object) : null
  if (aList && !bList) return 1
  if (!aList && bList) return -1
  if (aList && bList) {
    if (aList.length !== bList.length) return aList.length - bList.length
    for (let i = 0; i < aList.length; i++) {
      const c = phpCompare(aList[i], bList[i])
      if (c !== 0) return c
    }
  }
  return 0
}

/** `$a === $b`: same type and value; arrays and objects member by member, in order. */
export const phpIdentical = (a: unknown, b: unknown): boolean => {
  if (isNum(a) && isNum(b)) return compareNumbers(a, b) === 0
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b
  const aEntries = Object.entries(a)
  const bEntries = Object.entries(b)
  return (
    aEntries.length === bEntries.length &&
    aEntries.every(([key, value], i) => bEntries[i][0] === key && phpIdentical(value, bEntries[i][1]))
  )
}
