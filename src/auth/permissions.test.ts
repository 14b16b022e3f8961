import { describe, expect, it } from 'vitest'
import type { Caller } from '../engine/context.js'
import { assertGrantable, isAllowed, normalizePermissions, parsePermission } from './permissions.js'

const user = (roles: string[]): Caller => ({ user: null, session: null, key: null, jwt: false, roles, scopes: [] })

describe('permissions', () => {
  it('expands write by level', () => {
    expect(normalizePermissions('permissions', ['write("any")'], ['read', 'update', 'delete'])).toEqual([
      'update("any")',
      'delete("any")',
    ])
    expect(normalizePermissions('permissions', ['write("users")', 'read("any")'], ['create', 'read', 'update', 'delete'])).toEqual([
      'create("users")',
      'update("users")',
      'delete("users")',
      'read("any")',
    ])
  })

  it('refuses malformed permissions with the validator message', () => {
    expect(() => normalizePermissions('permissions', ['create("any")'], ['read', 'update', 'delete'])).toThrow(
      'Permission "create("any")" is not allowed. Must be one of: read, update, delete, write.',
    )
    expect(() => parsePermission('read("role:all")')).toThrow(/"role:" prefix/)
    expect(() => parsePermission('read("users/admin")')).toThrow(/verified, unverified/)
    expect(() => parsePermission('read("any:x")')).toThrow('Role "any" can not have an ID value.')
  })

  it('checks roles, with any matching everyone and keys passing always', () => {
    expect(isAllowed(user(['guests']), ['read("any")'], 'read')).toBe(true)
    expect(isAllowed(user(['guests']), ['read("users")'], 'read')).toBe(false)
    expect(isAllowed(user(['users', 'user:a']), ['read("user:a")'], 'read')).toBe(true)
    expect(isAllowed({ ...user([]), key: { secret: 'k', scopes: '*' } }, [], 'delete')).toBe(true)
  })

  it('lets a client grant only roles it holds', () => {
    expect(() => assertGrantable(user(['users', 'user:a']), ['read("user:b")'])).toThrow(
      'Permissions must be one of: (any, users, user:a)',
    )
    expect(() => assertGrantable(user(['users', 'user:a']), ['read("user:a")', 'read("any")'])).not.toThrow()
  })
})
