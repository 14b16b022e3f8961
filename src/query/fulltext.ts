const SPECIAL = /[@+\-*()<>~"]/g

/** Words of a text, lower-cased, split on anything that is not a letter or digit. */
export const tokenize = (text: string): string[] =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean)

/**
 * Fulltext `search` as MariaDB's boolean mode answers Appwrite's term: operators are stripped, any word
 * matches, the last word matches as a prefix (Appwrite appends `*`); a term wrapped in double quotes is a
 * phrase. An empty term matches nothing.
 * @note Results are not relevance-ordered in Appwrite either: the list's own order applies.
 */
export const searchMatches = (field: string, term: string): boolean => {
  const words = tokenize(field)
  const trimmed = term.trim()
  if (trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    const phrase = tokenize(trimmed.slice(1, -1))
    if (phrase.length === 0) return false
    return words.some((_, i) => phrase.every((p, j) => words[i + j] === p))
  }
  const query = tokenize(trimmed.replace(SPECIAL, ' '))
  if (query.length === 0) return false
  const last = query.length - 1
  return query.some((q, i) => words.some((w) => (i === last ? w.startsWith(q) : w === q)))
}
