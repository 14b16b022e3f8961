import { Query } from 'appwrite'
import { describe, expect, it } from 'vitest'
import { applyQueries, parseQueries, searchMatches } from './list-queries.js'

const rows = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve'].map((name, i) => ({ $id: name.toLowerCase(), name, total: i, roles: i % 2 ? ['owner'] : [] }))
const run = (queries: string[]) => applyQueries(rows, parseQueries(queries, ['name', 'total', 'roles']), { cursorMessage: "Row '%s' not found." })

describe('list queries', () => {
  it('filters, orders, pages and counts as find() and count() would', () => {
    expect(run([Query.greaterThan('total', 1), Query.limit(2)])).toEqual({ rows: [rows[2], rows[3]], total: 3 })
    expect(run([Query.orderDesc('total'), Query.offset(1), Query.limit(1)]).rows).toEqual([rows[3]])
    expect(run([Query.contains('roles', ['owner'])]).rows.map((r) => r.name)).toEqual(['Bob', 'Dee'])
    expect(run([Query.or([Query.equal('name', ['Ada']), Query.startsWith('name', 'E')])]).rows.map((r) => r.$id)).toEqual(['ada', 'eve'])
    expect(run([Query.cursorAfter('bob'), Query.limit(2)]).rows.map((r) => r.$id)).toEqual(['cy', 'dee'])
    expect(run([Query.cursorBefore('dee'), Query.limit(2)]).rows.map((r) => r.$id)).toEqual(['bob', 'cy'])
  })

  it('refuses unknown attributes, bad JSON and missing cursors with Appwrite errors', () => {
    expect(() => run([Query.equal('secret', ['x'])])).toThrow('Invalid `queries` param: Invalid query: Attribute not found in schema: secret')
    expect(() => run(['{nope'])).toThrow('Invalid query: Syntax error')
    expect(() => run([Query.cursorAfter('zed')])).toThrow("Row 'zed' not found.")
  })

  it('searches like MariaDB full-text in boolean mode: any word, as a prefix', () => {
    expect(searchMatches('crew The Crew', 'cr')).toBe(true)
    expect(searchMatches('abc123 Band', 'nothing ban')).toBe(true)
    expect(searchMatches('abc123 Band', 'and')).toBe(false)
  })
})
