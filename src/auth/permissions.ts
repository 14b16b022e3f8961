import { AppwriteError, invalidParam } from '../errors/index.js'
import type { Caller } from '../engine/context.js'

export type PermissionType = 'create' | 'read' | 'update' | 'delete'
type Declared = PermissionType | 'write'

const ROLE_NAMES = ['any', 'guests', 'users', 'user', 'team', 'member', 'label']
const KEY = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}$/
const KEY_RULE =
  "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char"

export interface ParsedPermission {
  type: Declared
  role: string
}

/** Parses `read("user:abc")`; throws the validator's message for anything malformed. */
export const parsePermission = (text: string): ParsedPermission => {
  if (text === '*' || text.includes('("*")')) throw new Error('Wildcard permission "*" has been replaced. Use "any" instead.')
  if (text.includes('role:')) {
    throw new Error('Permissions using the "role:" prefix have been replaced. Use "users", "guests", or "any" instead.')
  }
  const open = text.indexOf('("')
  if (open < 0 || text.indexOf('("', open + 1) >= 0 || !text.endsWith('")')) {
    throw new Error(`Invalid permission string format: "${text}".`)
  }
  const type = text.slice(0, open)
  if (!['create', 'read', 'update', 'delete', 'write'].includes(type)) throw new Error(`Invalid permission type: "${type}".`)
  const role = text.slice(open + 2, -2)
  checkRole(role)
  return { type: type as Declared, role }
}

const checkRole = (role: string): void => {
  const [head, ...dims] = role.split('/')
  if (dims.length > 1) throw new Error('Only one dimension can be provided')
  const dimension = dims[0]
  if (dimension === '') throw new Error('Dimension must not be empty')
  const [name, id] = head.split(/:(.*)/s)
  if (!ROLE_NAMES.includes(name)) {
    throw new Error(`Role "${name}" is not allowed. Must be one of: ${ROLE_NAMES.join(', ')}.`)
  }
  const hasId = id !== undefined
  if (['any', 'guests', 'users'].includes(name) && hasId) throw new Error(`Role "${name}" can not have an ID value.`)
  if (['user', 'team', 'member', 'label'].includes(name)) {
    if (!hasId || id === '') throw new Error(`Role "${name}" must have an ID value.`)
    const valid = name === 'label' ? /^[a-zA-Z0-9]{1,36}$/.test(id) : KEY.test(id)
    if (!valid) throw new Error(`Role "${name}" identifier value is invalid: ${KEY_RULE}`)
  }
  if (dimension !== undefined) {
    if (['any', 'guests', 'member', 'label'].includes(name)) throw new Error(`Role "${name}" can not have a dimension value.`)
    if ((name === 'users' || name === 'user') && !['verified', 'unverified'].includes(dimension)) {
      throw new Error(`Role "${name}" dimension value is invalid. Must be one of: verified, unverified.`)
    }
  }
}

/**
 * Validates a `permissions` param and expands `write` into the types allowed at that level (resources:
 * create+update+delete; documents and files: update+delete). Returns the stored, de-duplicated form.
 * @note Stored permissions never contain `write`: responses show the expanded form.
 */
export const normalizePermissions = (
  param: string,
  value: unknown,
  allowed: readonly PermissionType[],
): string[] => {
  if (!Array.isArray(value)) throw invalidParam(param, 'Value must a valid array')
  if (value.length > 100) throw invalidParam(param, 'You can only provide up to 100 permissions.')
  const out: string[] = []
  const allowedDeclared = [...allowed, 'write']
  for (const entry of value) {
    const text = String(entry)
    if (!allowedDeclared.some((t) => text.startsWith(t))) {
      throw invalidParam(param, `Permission "${text}" is not allowed. Must be one of: ${allowedDeclared.join(', ')}.`)
    }
    let parsed: ParsedPermission
    try {
      parsed = parsePermission(text)
    } catch (error) {
      throw invalidParam(param, (error as Error).message)
    }
    const types = parsed.type === 'write' ? allowed.filter((t) => t !== 'read') : [parsed.type]
    for (const type of types) {
      const permission = `${type}("${parsed.role}")`
      if (!out.includes(permission)) out.push(permission)
    }
  }
  return out
}

/** The roles named by permissions of one type. */
export const rolesFor = (permissions: readonly string[], type: PermissionType): string[] => {
  const prefix = `${type}("`
  return permissions.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length, -2))
}

/** Whether the caller passes: API keys always; otherwise any permitted role is `any` or one of the caller's. */
export const isAllowed = (caller: Caller, permissions: readonly string[], type: PermissionType): boolean => {
  if (caller.key) return true
  return rolesFor(permissions, type).some((role) => role === 'any' || caller.roles.includes(role))
}

/**
 * A client may only grant roles it holds (§3.4): every permission must name `any` or one of the caller's roles.
 */
export const assertGrantable = (caller: Caller, permissions: readonly string[]): void => {
  if (caller.key) return
  const held = ['any', ...caller.roles]
  for (const permission of permissions) {
    const role = permission.slice(permission.indexOf('("') + 2, -2)
    if (!held.includes(role)) {
      throw new AppwriteError('user_unauthorized', { message: `Permissions must be one of: (${held.join(', ')})` })
    }
  }
}

/** Default permissions of a resource a client creates without naming any: read/update/delete for its user. */
export const defaultOwnerPermissions = (caller: Caller): string[] =>
  caller.user && !caller.key
    ? [`read("user:${caller.user.$id}")`, `update("user:${caller.user.$id}")`, `delete("user:${caller.user.$id}")`]
    : []
