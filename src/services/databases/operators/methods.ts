/** The operator methods of the v27 SDK's `Operator` class, as they travel in `data`. */
export const NUMERIC_METHODS = ['increment', 'decrement', 'multiply', 'divide', 'modulo', 'power'] as const
/** increment, decrement, multiply, divide, modulo, power: one rule set, one arithmetic. */
export const isNumericMethod = (method: string): method is (typeof NUMERIC_METHODS)[number] =>
  (NUMERIC_METHODS as readonly string[]).includes(method)

export const ARRAY_METHODS = [
  'arrayAppend', 'arrayPrepend', 'arrayInsert', 'arrayRemove', 'arrayUnique', 'arrayIntersect', 'arrayDiff', 'arrayFilter',
] as const
export const STRING_METHODS = ['stringConcat', 'stringReplace'] as const
export const DATE_METHODS = ['dateAddDays', 'dateSubDays', 'dateSetNow'] as const

export const OPERATOR_METHODS: ReadonlySet<string> = new Set([
  ...NUMERIC_METHODS, ...ARRAY_METHODS, ...STRING_METHODS, 'toggle', ...DATE_METHODS,
])

export interface Operation {
  method: string
  values: unknown[]
}

/** `arrayFilter` conditions the server accepts (the SDK also offers `contains`, which Appwrite refuses). */
export const FILTER_CONDITIONS = ['equal', 'notEqual', 'greaterThan', 'greaterThanEqual', 'lessThan', 'lessThanEqual', 'isNull', 'isNotNull']

/** Appwrite's 32-bit bounds for integer results when the operator gives no limit of its own. */
export const INT_MAX = 2147483647
export const INT_MIN = -2147483648
