import { assertGrantable, defaultOwnerPermissions, normalizePermissions } from '../../../auth/permissions.js'
import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'

const DOCUMENT_TYPES = ['read', 'update', 'delete'] as const
const ALL_TYPES = ['create', 'read', 'update', 'delete'] as const

/**
 * The `permissions` param of a single write, or `undefined` when omitted/null (semantics §3.3). Documents
 * accept read/update/delete (`write` = update + delete); a client may grant only roles it holds (§3.4).
 */
export const permissionsParam = (ctx: RequestContext): string[] | undefined => {
  const raw = ctx.params.permissions
  if (raw === undefined || raw === null) return undefined
  const permissions = normalizePermissions('permissions', raw, DOCUMENT_TYPES)
  assertGrantable(ctx.caller, permissions)
  return permissions
}

/** A new document's permissions: the param, else read/update/delete for the calling user (none for keys and guests). */
export const createPermissions = (ctx: RequestContext): string[] => permissionsParam(ctx) ?? defaultOwnerPermissions(ctx.caller)

/** `$permissions` of a bulk item: validated with every type, failures as `general_bad_request`. */
export const itemPermissions = (value: unknown): string[] | undefined => {
  if (value === undefined || value === null) return undefined
  try {
    return normalizePermissions('permissions', value, ALL_TYPES)
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid `permissions` param: /, '')
    throw new AppwriteError('general_bad_request', { message })
  }
}
