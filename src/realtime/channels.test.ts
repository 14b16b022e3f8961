import { describe, expect, it } from 'vitest'
import { convertChannels, rebindAccountChannels } from './account-channels.js'
import { eventTarget } from './channels.js'

describe('eventTarget', () => {
  it('publishes an account update to the account channels with the action suffix (4)', () => {
    expect(eventTarget('users.U.update', 'p', ['user:U'])).toEqual({
      channels: ['account', 'account.U', 'account.update', 'account.U.update'],
      roles: ['user:U'],
      permissionsChanged: false,
    })
  })

  it('does not suffix nested account events (sessions, verification)', () => {
    expect(eventTarget('users.U.sessions.S.create', 'p', ['user:U']).channels).toEqual(['account', 'account.U'])
    expect(eventTarget('users.U.verification.T.create', 'p', ['user:U']).channels).toEqual(['account', 'account.U'])
  })

  it('publishes a document to 16 channels, in both terminologies and tablesdb, with the read roles', () => {
    const target = eventTarget('databases.D.collections.C.documents.X.create', 'p', ['any'])
    expect(target.channels).toHaveLength(16)
    expect(target.channels).toEqual(
      expect.arrayContaining([
        'documents',
        'documents.create',
        'databases.D.collections.C.documents',
        'databases.D.collections.C.documents.X.create',
        'rows',
        'rows.create',
        'databases.D.tables.C.rows.X',
        'tablesdb.D.tables.C.rows',
        'tablesdb.D.tables.C.rows.X.create',
      ]),
    )
    expect(target.roles).toEqual(['any'])
    expect(eventTarget('tablesdb.D.tables.C.rows.X.create', 'p', ['any']).channels).toEqual(target.channels)
  })

  it('publishes a file to 6 channels', () => {
    expect(eventTarget('buckets.B.files.F.create', 'p', ['users']).channels.sort()).toEqual(
      ['files', 'files.create', 'buckets.B.files', 'buckets.B.files.create', 'buckets.B.files.F', 'buckets.B.files.F.create'].sort(),
    )
  })

  it('sends team events to the team and marks a creation as a permission change', () => {
    expect(eventTarget('teams.T.create', 'p', [])).toEqual({
      channels: ['teams', 'teams.T', 'teams.create', 'teams.T.create'],
      roles: ['team:T'],
      permissionsChanged: true,
    })
    expect(eventTarget('teams.T.update', 'p', []).permissionsChanged).toBe(false)
    const membership = eventTarget('teams.T.memberships.M.update.status', 'p', [])
    expect(membership.channels).toEqual(['memberships', 'memberships.M', 'memberships.update', 'memberships.M.update'])
    expect(membership.permissionsChanged).toBe(true)
  })

  it('publishes executions only when they can be read', () => {
    expect(eventTarget('functions.F.executions.E.create', 'p', []).channels).toEqual([])
    expect(eventTarget('functions.F.executions.E.update', 'p', ['user:U']).channels).toEqual(
      expect.arrayContaining(['executions', 'executions.E', 'functions.F', 'functions.F.update', 'executions.E.update']),
    )
  })

  it('publishes nothing for schema and bucket events (console only)', () => {
    expect(eventTarget('databases.D.collections.C.attributes.A.create', 'p', ['any']).channels).toEqual([])
    expect(eventTarget('buckets.B.create', 'p', ['any']).channels).toEqual([])
  })
})

describe('convertChannels', () => {
  it('adds the user channel to account and scopes account actions to the user', () => {
    expect(convertChannels(['account', 'account.update', 'documents'], 'U')).toEqual([
      'account',
      'documents',
      'account.U',
      'account.U.update',
    ])
  })

  it('keeps literal account actions for guests and drops other users', () => {
    expect(convertChannels(['account.create', 'account.someone', 'account'], '')).toEqual(['account.create', 'account'])
    expect(convertChannels(['account.someone'], 'U')).toEqual([])
  })

  it('rebinds a guest subscription to the user who logs in', () => {
    expect(rebindAccountChannels(['account', 'account.update', 'files'], '', 'U')).toEqual(['account', 'account.U.update', 'files'])
    expect(rebindAccountChannels(['account.A', 'account.A.delete'], 'A', 'B')).toEqual(['account.B', 'account.B.delete'])
  })
})
