import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { Writer } from '../../store/write-path.js'
import { formatDate } from '../../util/time.js'

export interface TargetRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  name: string
  userId: string
  providerId?: string
  providerType: 'email' | 'sms' | 'push'
  identifier: string
  expired: boolean
}

/** A fresh user record with Appwrite's defaults (status on, nothing verified, empty prefs and labels). */
export const newUser = (ctx: RequestContext, id: string, fields: Partial<UserRecord> = {}): UserRecord => {
  const now = formatDate(ctx.now)
  return {
    $id: id,
    $createdAt: now,
    $updatedAt: now,
    name: '',
    registration: now,
    status: true,
    labels: [],
    emailVerification: false,
    phoneVerification: false,
    mfa: false,
    prefs: {},
    accessedAt: now,
    ...fields,
  }
}

export const newTarget = (ctx: RequestContext, userId: string, providerType: TargetRecord['providerType'], identifier: string): TargetRecord => {
  const now = formatDate(ctx.now)
  return { $id: ctx.newId(), $createdAt: now, $updatedAt: now, name: '', userId, providerType, identifier, expired: false }
}

/** The secret parts of a user that only the Users API (API key) may see. */
const SECRET_FIELDS = ['password', 'hash', 'hashOptions', 'passwordHistory'] as const

const targetsOf = async (ctx: RequestContext, userId: string): Promise<TargetRecord[]> => {
  // The caller's own targets are memoised with its cached session: account.get() then reads nothing.
  const memo = ctx.caller.user?.$id === userId ? ctx.caller.memo : undefined
  const known = memo?.get('targets') as TargetRecord[] | undefined
  if (known) return known
  const targets: TargetRecord[] = await ctx.store.db.table('targets').where('userId').equals(userId).toArray()
  memo?.set('targets', targets)
  return targets
}

/** The Account model: the user with its targets, without password fields. */
export const accountView = async (ctx: RequestContext, user: UserRecord): Promise<Record<string, unknown>> => {
  const targets = await targetsOf(ctx, user.$id)
  const view: Record<string, unknown> = { ...user, targets }
  for (const field of SECRET_FIELDS) delete view[field]
  return view
}

/** The User model as the Users API returns it: with the password hash and its algorithm. */
export const userView = async (ctx: RequestContext, user: UserRecord): Promise<Record<string, unknown>> => {
  const targets = await ctx.store.db.table('targets').where('userId').equals(user.$id).toArray()
  const { passwordHistory: _history, ...rest } = user
  return { ...rest, targets, hashOptions: user.hashOptions ?? {} }
}

/** Inserts a user and its email/phone targets; a clash on id, email or phone is `user_already_exists`. */
export const insertUser = async (w: Writer, ctx: RequestContext, user: UserRecord): Promise<UserRecord> => {
  const users = w.table<UserRecord>('users')
  if (await users.get(user.$id)) throw new AppwriteError('user_already_exists')
  if (user.email && (await users.where('email').equals(user.email).count())) throw new AppwriteError('user_already_exists')
  if (user.phone && (await users.where('phone').equals(user.phone).count())) throw new AppwriteError('user_already_exists')
  await w.add('users', user)
  if (user.email) await addTarget(w, newTarget(ctx, user.$id, 'email', user.email))
  if (user.phone) await addTarget(w, newTarget(ctx, user.$id, 'sms', user.phone))
  return user
}

export const addTarget = async (w: Writer, target: TargetRecord): Promise<void> => {
  if (await w.table('targets').where('identifier').equals(target.identifier).count()) {
    throw new AppwriteError('user_target_already_exists')
  }
  await w.add('targets', target)
}

/** Points the user's target of `type` at a new identifier (or creates it). */
export const retarget = async (
  w: Writer,
  ctx: RequestContext,
  userId: string,
  type: TargetRecord['providerType'],
  identifier: string | undefined,
): Promise<void> => {
  ctx.caller.memo?.delete('targets')
  const existing = (await w.table<TargetRecord>('targets').where('userId').equals(userId).toArray()).find(
    (t) => t.providerType === type,
  )
  if (!identifier) {
    if (existing) await w.delete('targets', existing.$id)
    return
  }
  if (existing) await w.put('targets', { ...existing, identifier, $updatedAt: formatDate(ctx.now) })
  else await addTarget(w, newTarget(ctx, userId, type, identifier))
}

export const findUserByEmail = async (ctx: RequestContext, email: string): Promise<UserRecord | undefined> =>
  ctx.store.db.table('users').where('email').equals(email).first()

export const getUserOrThrow = async (ctx: RequestContext, userId: string): Promise<UserRecord> => {
  const user = (await ctx.store.db.table('users').get(userId)) as UserRecord | undefined
  if (!user) throw new AppwriteError('user_not_found')
  return user
}

/** Saves changed user fields with a new `$updatedAt`. */
export const saveUser = async (w: Writer, ctx: RequestContext, user: UserRecord, changes: Partial<UserRecord>): Promise<UserRecord> => {
  const next = { ...user, ...changes, $updatedAt: formatDate(ctx.now) }
  await w.put('users', next)
  return next
}

/** Stores keyed or indexed by `userId` whose records belong to one user (when the service that owns them runs). */
const USER_OWNED = ['sessions', 'tokens', 'identities', 'targets', 'authenticators', 'challenges', 'mfaRecoveryCodes']

/** Deletes a user with everything that belongs to it; its confirmed memberships leave their teams' totals. */
export const deleteUserCascade = async (w: Writer, userId: string): Promise<void> => {
  const present = new Set(w.db.tables.map((t) => t.name))
  for (const table of USER_OWNED.filter((t) => present.has(t))) {
    const keys = await w.table(table).where('userId').equals(userId).primaryKeys()
    await w.bulkDelete(table, keys)
  }
  if (present.has('memberships')) {
    const memberships = await w.table('memberships').where('userId').equals(userId).toArray()
    for (const m of memberships.filter((m) => m.confirm && present.has('teams'))) {
      const team = await w.table('teams').get(m.teamId)
      if (team) await w.put('teams', { ...team, total: Math.max(0, (team.total ?? 1) - 1) })
    }
    await w.bulkDelete('memberships', memberships.map((m) => m.$id))
  }
  await w.delete('users', userId)
}
