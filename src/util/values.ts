/** A JSON object (not an array, not null): what a `data` param or a nested document must be. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** PHP's `gettype()` names, which Appwrite's messages quote (`…, array given.`, `got integer`). */
export const phpType = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'bigint') return 'integer'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double'
  if (typeof value === 'object') return 'array'
  return typeof value
}
