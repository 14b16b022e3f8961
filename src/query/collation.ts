/**
 * String comparison as MariaDB's default `utf8mb4_general_ci` collation does it, which Appwrite's equality,
 * ranges and ordering on strings follow: case- and accent-insensitive, trailing spaces ignored.
 * @note Appwrite on MariaDB answers `equal("name", "ALICE")` with "alice"; we fold strings to a collation key
 * (upper case, accents stripped, trailing spaces trimmed) that the evaluator and the IndexedDB index keys share.
 */
export const collationKey = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase().replace(/ +$/, '')

/** LIKE patterns (startsWith, endsWith, contains) are case-insensitive on every Appwrite backend. */
export const likeKey = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase()

const rank = (v: unknown): number => {
  if (v === null || v === undefined) return 0
  if (typeof v === 'boolean') return 1
  if (typeof v === 'number' || typeof v === 'bigint') return 2
  if (typeof v === 'string') return 3
  return 4
}

/**
 * Total order of attribute values: NULL first (MariaDB sorts NULLs first ascending), then booleans, numbers,
 * strings by collation key, then anything else by its JSON text.
 */
export const compareValues = (a: unknown, b: unknown): number => {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case 0:
      return 0
    case 1:
      return Number(a) - Number(b)
    case 2: {
      const x = Number(a)
      const y = Number(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
    case 3: {
      const x = collationKey(a as string)
      const y = collationKey(b as string)
      return x < y ? -1 : x > y ? 1 : 0
    }
    default: {
      const x = JSON.stringify(a)
      const y = JSON.stringify(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
  }
}

/** SQL equality: NULL equals nothing. */
export const sqlEqual = (a: unknown, b: unknown): boolean =>
  a !== null && a !== undefined && b !== null && b !== undefined && compareValues(a, b) === 0
