import type { RequestContext, UserRecord } from '../../engine/context.js'
import { cursorNotFound, evaluateQueries, parseQueries, searchMatches, validateQueries } from '../../query/index.js'
import { userView } from './records.js'

/** The attributes Appwrite's Users queries validator accepts. */
const USER_ATTRIBUTES = [
  { key: 'name', type: 'string' },
  { key: 'email', type: 'string' },
  { key: 'phone', type: 'string' },
  { key: 'status', type: 'boolean' },
  { key: 'passwordUpdate', type: 'datetime' },
  { key: 'registration', type: 'datetime' },
  { key: 'emailVerification', type: 'boolean' },
  { key: 'phoneVerification', type: 'boolean' },
  { key: 'labels', type: 'string', array: true },
] as const

/**
 * `GET /users`: queries over the users, and `search` matching id, email, phone and name (Appwrite's fulltext
 * `search` attribute). The users store is small next to a collection, so it is filtered in memory.
 */
export const listUsers = async (ctx: RequestContext) => {
  const queries = validateQueries(parseQueries(ctx.params.queries as string[] | undefined), {
    attributes: USER_ATTRIBUTES,
    kinds: ['filter', 'order', 'limit', 'offset', 'cursor'],
  })
  const search = String(ctx.params.search ?? '').trim()
  let users = (await ctx.store.db.table('users').toArray()) as UserRecord[]
  if (search) {
    users = users.filter((u) => searchMatches([u.$id, u.email, u.phone, u.name].filter(Boolean).join(' '), search))
  }
  const { total, records } = evaluateQueries(users, queries, {
    total: ctx.params.total !== false,
    cursorNotFound: cursorNotFound('User'),
  })
  return { total, users: await Promise.all(records.map((u) => userView(ctx, u))) }
}
