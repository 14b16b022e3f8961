/**
 * Appwrite's event-name expansion (`Event::generateEvents` + `mirrorCollectionEvents`): one concrete name such
 * as `databases.D.collections.C.documents.X.create` becomes every name a subscriber or webhook may listen to.
 */

/** Words that end the resource path: what follows is the action (and maybe an attribute). */
const ACTIONS = new Set(['create', 'update', 'delete', 'upsert', 'retry'])

/** A name pattern: literal segments and the positions of the ids (`[param]` in Appwrite's patterns). */
type Token = string | { param: number }

interface ParsedName {
  type: string
  ids: string[]
  subType?: string
  subSubType?: string
  action?: string
  attribute?: string
}

/**
 * Splits a concrete name into Appwrite's pattern parts. A sub-resource needs its id and an action after it, so
 * `users.U.sessions.delete` (no session id) reads as action `sessions` with attribute `delete`, as in Appwrite.
 * @note An attribute is kept only at the lengths Appwrite's parser reads it (`users.U.update.email`), so
 * `users.U.update.mfa.recovery-codes` expands as `users.U.update`.
 */
export const parseEventName = (name: string): ParsedName => {
  const parts = name.split('.')
  const count = parts.length
  const hasSub = count >= 5 && !ACTIONS.has(parts[2])
  const hasSubSub = hasSub && count >= 7 && !ACTIONS.has(parts[4])
  const parsed: ParsedName = { type: parts[0], ids: [parts[1]] }
  if (hasSub) {
    parsed.subType = parts[2]
    parsed.ids.push(parts[3])
  }
  if (hasSubSub) {
    parsed.subSubType = parts[4]
    parsed.ids.push(parts[5])
    parsed.action = parts[6]
    if (count === 8) parsed.attribute = parts[7]
  } else if (hasSub) {
    parsed.action = parts[4]
    if (count === 6) parsed.attribute = parts[5]
  } else {
    parsed.action = parts[2]
    if (count === 4) parsed.attribute = parts[3]
  }
  return parsed
}

const patternsOf = (p: ParsedName): Token[][] => {
  const top: Token[] = [p.type, { param: 0 }]
  const sub: Token[] = p.subType ? [...top, p.subType, { param: 1 }] : []
  const subSub: Token[] = p.subSubType ? [...sub, p.subSubType, { param: 2 }] : []
  const deepest = p.subSubType ? subSub : p.subType ? sub : top
  const patterns: Token[][] = []
  if (p.action) {
    if (p.subType && p.attribute) patterns.push([...deepest, p.action, p.attribute])
    patterns.push([...deepest, p.action])
    if (p.subType) patterns.push(deepest)
    // Appwrite also adds `<type>.<id>.<action>.<attribute>` for nested events (`teams.T.update.status`).
    if (p.attribute) patterns.push([...top, p.action, p.attribute])
  }
  if (p.subSubType) patterns.push(subSub)
  if (p.subType) patterns.push(sub)
  patterns.push(top)
  return patterns
}

/** The order in which Appwrite's loops put `*` in place of the ids: every subset, in its order. */
const wildcardSets = (params: number): number[][] => {
  const all = [...Array(params).keys()]
  const sets: number[][] = [[], all]
  for (const key of all) {
    for (const current of all) {
      if (params >= 3) {
        for (const inner of all) {
          if (inner === current || inner === key) continue
          sets.push([inner], [inner, current], [current])
        }
      } else if (current !== key) {
        sets.push([current])
      }
    }
  }
  return sets
}

const render = (pattern: Token[], ids: string[], starred: number[]) =>
  pattern.map((t) => (typeof t === 'string' ? t : starred.includes(t.param) ? '*' : ids[t.param])).join('.')

const COLLECTIONS_TO_TABLES: Record<string, string> = { documents: 'rows', collections: 'tables', attributes: 'columns' }
const TABLES_TO_COLLECTIONS: Record<string, string> = { rows: 'documents', tables: 'collections', columns: 'attributes' }
const TABLESDB_TO_DATABASES: Record<string, string> = {
  tablesdb: 'databases',
  tables: 'collections',
  rows: 'documents',
  columns: 'attributes',
}

const replaceSegments = (name: string, map: Record<string, string>) =>
  name
    .split('.')
    .map((s) => map[s] ?? s)
    .join('.')

/**
 * Database events exist in both terminologies: each name gets its collections⇄tables twin, and `tablesdb.`
 * names also get their `databases.` forms. (Substring checks, as Appwrite makes them.)
 */
const mirror = (names: string[]): string[] => {
  const first = names[0]
  const isDatabase = (first.startsWith('databases.') && (first.includes('collections') || first.includes('tables'))) ||
    first.includes('tablesdb.')
  if (!isDatabase) return names
  const out: string[] = []
  for (const name of names) {
    out.push(name)
    if (name.includes('tablesdb')) {
      const databases = replaceSegments(name, TABLESDB_TO_DATABASES)
      out.push(databases, replaceSegments(databases, COLLECTIONS_TO_TABLES))
    } else if (name.includes('collections')) {
      out.push(replaceSegments(name, COLLECTIONS_TO_TABLES))
    } else if (name.includes('tables')) {
      out.push(replaceSegments(name, TABLES_TO_COLLECTIONS))
    }
  }
  return [...new Set(out)]
}

/**
 * Every event name Appwrite announces for one concrete event: with `*` for each combination of ids, without the
 * action, attribute and sub-resources, and (databases) in both terminologies. The first name is the concrete one.
 * @example
 * expandEventNames('users.U.create') // ['users.U.create', 'users.*.create', 'users.U', 'users.*']
 */
export const expandEventNames = (name: string): string[] => {
  const parsed = parseEventName(name)
  const sets = wildcardSets(parsed.ids.length)
  const names = new Set<string>()
  for (const pattern of patternsOf(parsed)) {
    for (const starred of sets) names.add(render(pattern, parsed.ids, starred))
  }
  return mirror([...names])
}
