import { describe, expect, it } from 'vitest'
import { applyResponseFilters } from './response-filters.js'

const execution = {
  $id: 'e1', resourceId: 'fn', resourceType: 'functions', status: 'completed', responseStatusCode: 404,
  responseBody: 'nope', logs: 'out', errors: 'err', duration: 0.1, scheduledAt: null,
}

describe('response formats, step by step as Appwrite’s filters', () => {
  it('answers the current format unchanged', () => {
    expect(applyResponseFilters('2.0.0', 'execution', execution)).toBe(execution)
  })

  it('names the execution’s function before 2.0, and its old response fields before 1.4', () => {
    const v19 = applyResponseFilters('1.9.5', 'execution', execution) as Record<string, unknown>
    expect(v19.functionId).toBe('fn')
    expect(v19).not.toHaveProperty('resourceId')
    expect(v19).not.toHaveProperty('resourceType')
    expect(v19).toHaveProperty('scheduledAt')

    expect(applyResponseFilters('1.5.0', 'execution', execution)).not.toHaveProperty('scheduledAt')
    const v13 = applyResponseFilters('1.0.0', 'executionList', { total: 1, executions: [execution] }) as {
      executions: Record<string, unknown>[]
    }
    expect(v13.executions[0]).toMatchObject({ functionId: 'fn', statusCode: 404, response: 'nope', stdout: 'out', stderr: 'err' })
    expect(Object.keys(v13.executions[0]).slice(-4)).toEqual(['statusCode', 'response', 'stdout', 'stderr'])
  })

  it('drops what 1.5 added to users, sessions, memberships and tokens for 1.4 clients', () => {
    const user = { $id: 'u', mfa: false, targets: [], impersonator: false, impersonatorUserId: '' }
    expect(applyResponseFilters('1.8.0', 'user', user)).toEqual({ $id: 'u', mfa: false, targets: [] })
    expect(applyResponseFilters('1.4.0', 'userList', { total: 1, users: [user] })).toEqual({ total: 1, users: [{ $id: 'u' }] })
    expect(applyResponseFilters('1.4.0', 'sessionList', { total: 1, sessions: [{ $id: 's', factors: [], secret: '' }] })).toEqual({
      total: 1,
      sessions: [{ $id: 's' }],
    })
    expect(applyResponseFilters('1.4.0', 'token', { $id: 't', phrase: '' })).toEqual({ $id: 't' })
    const membership = { $id: 'm', userPhone: '', mfa: false }
    expect(applyResponseFilters('1.9.1', 'membership', membership)).toEqual({ $id: 'm', mfa: false })
    expect(applyResponseFilters('1.0.0', 'membershipList', { total: 1, memberships: [membership] })).toEqual({
      total: 1,
      memberships: [{ $id: 'm' }],
    })
  })

  it('gives clients before 1.9 `$sequence` as an integer, in related documents too', () => {
    const doc = { $id: 'd', $sequence: '42', author: { $id: 'a', $sequence: '7' }, tags: [{ $id: 't', $sequence: 'x' }, 'y'] }
    expect(applyResponseFilters('1.8.0', 'documentList', { total: 1, documents: [doc] })).toEqual({
      total: 1,
      documents: [{ $id: 'd', $sequence: 42, author: { $id: 'a', $sequence: 7 }, tags: [{ $id: 't', $sequence: 0 }, 'y'] }],
    })
    expect(applyResponseFilters('1.9.0', 'document', doc)).toBe(doc)
  })

  it('leaves models no step names alone', () => {
    const file = { $id: 'f', folder: '', key: '' }
    expect(applyResponseFilters('1.0.0', 'file', file)).toBe(file)
  })
})
