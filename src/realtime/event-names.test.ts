import { describe, expect, it } from 'vitest'
import { expandEventNames } from './event-names.js'

// Cases from Appwrite's tests/unit/Event/EventTest.php and the platform notes §5.4.
describe('expandEventNames', () => {
  it('expands a top-level event into ids and wildcards, concrete name first', () => {
    expect(expandEventNames('users.torsten.create')).toEqual(['users.torsten.create', 'users.*.create', 'users.torsten', 'users.*'])
  })

  it('keeps the attribute after the action and drops it', () => {
    const names = expandEventNames('users.torsten.update.email')
    expect(names).toHaveLength(6)
    expect(names).toEqual(
      expect.arrayContaining([
        'users.torsten.update.email',
        'users.torsten.update',
        'users.torsten',
        'users.*.update.email',
        'users.*.update',
        'users.*',
      ]),
    )
    expect(names[0]).toBe('users.torsten.update')
  })

  it('expands a sub-resource into every combination of ids', () => {
    const names = expandEventNames('tables.chapters.rows.prolog.create')
    expect(names).toHaveLength(10)
    expect(names).toEqual(
      expect.arrayContaining([
        'tables.chapters.rows.prolog.create',
        'tables.chapters.rows.*.create',
        'tables.*.rows.prolog.create',
        'tables.*.rows.*',
        'tables.chapters',
        'tables.*',
      ]),
    )
  })

  it('expands a file event (buckets) with 10 names', () => {
    expect(expandEventNames('buckets.B.files.F.create').sort()).toEqual(
      [
        'buckets.B.files.F.create',
        'buckets.B.files.F',
        'buckets.B.files.*.create',
        'buckets.B.files.*',
        'buckets.*.files.F.create',
        'buckets.*.files.F',
        'buckets.*.files.*.create',
        'buckets.*.files.*',
        'buckets.B',
        'buckets.*',
      ].sort(),
    )
  })

  it('mirrors database events between collections/documents and tables/rows (42 names)', () => {
    const names = expandEventNames('databases.chaptersDB.tables.chapters.rows.prolog.create')
    expect(names).toHaveLength(42)
    expect(names[0]).toBe('databases.chaptersDB.tables.chapters.rows.prolog.create')
    expect(names).toEqual(
      expect.arrayContaining([
        'databases.*.tables.*.rows.prolog.create',
        'databases.chaptersDB.tables.*.rows.*.create',
        'databases.*.tables.chapters.rows.*',
        'databases.chaptersDB',
        'databases.*',
        'databases.chaptersDB.collections.chapters.documents.prolog.create',
        'databases.*.collections.*.documents.*.create',
        'databases.chaptersDB.collections.chapters',
      ]),
    )
  })

  it('gives a document event the same names as its row twin', () => {
    const documents = expandEventNames('databases.D.collections.C.documents.X.update')
    const rows = expandEventNames('databases.D.tables.C.rows.X.update')
    expect(new Set(documents)).toEqual(new Set(rows))
  })

  it('names a TablesDB database event with the tablesdb. prefix and both databases. forms', () => {
    const names = expandEventNames('tablesdb.D.tables.T.rows.R.delete')
    expect(names[0]).toBe('tablesdb.D.tables.T.rows.R.delete')
    expect(names).toEqual(
      expect.arrayContaining([
        'tablesdb.*.tables.*.rows.*.delete',
        'databases.D.collections.T.documents.R.delete',
        'databases.D.tables.T.rows.R.delete',
        'databases.*.tables.T.rows.*',
        'tablesdb.D',
        'databases.D',
      ]),
    )
    expect(names.filter((n) => n.startsWith('tablesdb.'))).toHaveLength(22)
  })

  it('adds the top-level action name for nested attribute events (membership status)', () => {
    const names = expandEventNames('teams.T.memberships.M.update.status')
    expect(names[0]).toBe('teams.T.memberships.M.update.status')
    expect(names).toEqual(
      expect.arrayContaining(['teams.*.memberships.M.update', 'teams.T.memberships.*', 'teams.T.update.status', 'teams.*']),
    )
  })

  it('reads a session event without session id as Appwrite does', () => {
    expect(expandEventNames('users.U.sessions.delete')).toContain('users.*.sessions.delete')
  })

  it('does not mirror non-database events', () => {
    expect(expandEventNames('teams.T.memberships.M.create').some((n) => n.includes('tables'))).toBe(false)
  })
})
