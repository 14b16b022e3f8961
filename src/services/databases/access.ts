import { type PermissionType, isAllowed } from '../../auth/permissions.js'
import type { Caller } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'
import type { CollectionRecord } from './records.js'

/**
 * Appwrite's document rule (semantics §3.5): the collection grants the action, or document security is on and
 * the document grants it. API keys pass everything.
 */
export const mayDocument = (caller: Caller, collection: CollectionRecord, doc: { $permissions?: unknown }, type: PermissionType): boolean =>
  isAllowed(caller, collection.$permissions, type) ||
  (collection.documentSecurity && isAllowed(caller, (doc.$permissions as string[]) ?? [], type))

/** PHP's `json_encode`, which escapes `/` (Appwrite's authorization messages quote role lists with it). */
const phpJson = (value: unknown) => JSON.stringify(value).replaceAll('/', '\\/')

/**
 * Create needs the collection's `create` permission; the failure carries the authorization validator's text,
 * e.g. `Missing "create" permission for role "users". Only "["any","guests"]" scopes are allowed and "["users"]" was given.`
 */
export const assertCollectionCreate = (caller: Caller, collection: CollectionRecord): void => {
  if (isAllowed(caller, collection.$permissions, 'create')) return
  const given = collection.$permissions.filter((p) => p.startsWith('create("')).map((p) => p.slice(8, -2))
  const message =
    given.length === 0
      ? "No permissions provided for action 'create'"
      : `Missing "create" permission for role "${given[given.length - 1]}". Only "${phpJson(['any', ...caller.roles])}" scopes are allowed and "${phpJson(given)}" was given.`
  throw new AppwriteError('user_unauthorized', { message })
}

/** A list (or count) on a collection the caller cannot read, with document security off, is 401. */
export const assertListable = (caller: Caller, collection: CollectionRecord): void => {
  if (!isAllowed(caller, collection.$permissions, 'read') && !collection.documentSecurity) {
    throw new AppwriteError('user_unauthorized')
  }
}

/** Every document the caller may read, or `undefined` when the collection grants read to all. */
export const readFilter = (caller: Caller, collection: CollectionRecord) =>
  isAllowed(caller, collection.$permissions, 'read')
    ? undefined
    : (doc: Record<string, unknown>) => collection.documentSecurity && isAllowed(caller, (doc.$permissions as string[]) ?? [], 'read')

/** Roles that may read a document: who realtime tells about it. */
export const readRolesOf = (collection: CollectionRecord, doc: { $permissions?: unknown }): string[] => {
  const roles = (permissions: unknown) =>
    ((permissions as string[]) ?? []).filter((p) => p.startsWith('read("')).map((p) => p.slice(6, -2))
  const all = [...roles(collection.$permissions), ...(collection.documentSecurity ? roles(doc.$permissions) : [])]
  return [...new Set(all)]
}
