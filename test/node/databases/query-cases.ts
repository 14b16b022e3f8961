import { Query } from 'appwrite'

/**
 * A small known collection and every query method the v27 SDK's \`Query\` sends, with the IDs Appwrite
 * answers (in order). Shared by the Node tests and the Chromium tests (the strings are the wire format).
 */
export const BOOKS = [
  { $id: 'dune', title: 'Dune', author: 'Frank Herbert', pages: 412, rating: 4.5, tags: ['sf', 'classic'], year: '1965-08-01T00:00:00.000+00:00' },
  { $id: 'emma', title: 'Emma', author: 'Jane Austen', pages: 474, rating: 4.0, tags: ['classic'], year: '1815-12-23T00:00:00.000+00:00' },
  { $id: 'neuro', title: 'Neuromancer', author: 'William Gibson', pages: 271, rating: 3.9, tags: ['sf', 'cyberpunk'], year: '1984-07-01T00:00:00.000+00:00' },
  { $id: 'blank', title: 'Untitled draft', author: null, pages: null, rating: null, tags: [], year: null },
  { $id: 'hobbit', title: 'The Hobbit', author: 'J. R. R. Tolkien', pages: 310, rating: 4.7, tags: ['fantasy', 'classic'], year: '1937-09-21T00:00:00.000+00:00' },
]

/** The schema BOOKS live in (project-file form: attributes and indexes). */
export const BOOKS_ATTRIBUTES = [
  { key: 'title', type: 'string', size: 64, required: true },
  { key: 'author', type: 'string', size: 64, required: false },
  { key: 'pages', type: 'integer', required: false },
  { key: 'rating', type: 'double', required: false },
  { key: 'tags', type: 'string', size: 16, required: false, array: true },
  { key: 'year', type: 'datetime', required: false },
]
export const BOOKS_INDEXES = [
  { key: 'by_pages', type: 'key', attributes: ['pages'] },
  { key: 'ft_title', type: 'fulltext', attributes: ['title'] },
]

export const cases: Array<[string, string[], string[]]> = [
  ['equal (one value)', [Query.equal('title', 'Dune')], ['dune']],
  ['equal (several values mean OR)', [Query.equal('pages', [412, 271])], ['dune', 'neuro']],
  ['equal is case-insensitive on strings (MariaDB collation)', [Query.equal('title', 'DUNE')], ['dune']],
  ['notEqual leaves NULLs out', [Query.notEqual('pages', 412)], ['emma', 'neuro', 'hobbit']],
  ['lessThan', [Query.lessThan('pages', 310)], ['neuro']],
  ['lessThanEqual', [Query.lessThanEqual('pages', 310)], ['neuro', 'hobbit']],
  ['greaterThan', [Query.greaterThan('rating', 4.4)], ['dune', 'hobbit']],
  ['greaterThanEqual', [Query.greaterThanEqual('rating', 4.5)], ['dune', 'hobbit']],
  ['between (inclusive)', [Query.between('pages', 271, 412)], ['dune', 'neuro', 'hobbit']],
  ['notBetween', [Query.notBetween('pages', 300, 450)], ['emma', 'neuro']],
  ['isNull', [Query.isNull('author')], ['blank']],
  ['isNotNull', [Query.isNotNull('year')], ['dune', 'emma', 'neuro', 'hobbit']],
  ['startsWith', [Query.startsWith('title', 'neu')], ['neuro']],
  ['notStartsWith', [Query.notStartsWith('author', 'J')], ['dune', 'neuro']],
  ['endsWith', [Query.endsWith('title', 'MANCER')], ['neuro']],
  ['notEndsWith', [Query.notEndsWith('title', 'e')], ['emma', 'neuro', 'blank', 'hobbit']],
  ['contains on a string is a substring', [Query.contains('author', 'her')], ['dune']],
  ['contains on an array is a whole element', [Query.contains('tags', 'sf')], ['dune', 'neuro']],
  ['containsAny', [Query.containsAny('tags', ['fantasy', 'cyberpunk'])], ['neuro', 'hobbit']],
  ['containsAll', [Query.containsAll('tags', ['sf', 'classic'])], ['dune']],
  ['notContains', [Query.notContains('tags', 'classic')], ['neuro', 'blank']],
  ['search (fulltext)', [Query.search('title', 'hobbit')], ['hobbit']],
  ['search matches the last word as a prefix', [Query.search('title', 'neuro')], ['neuro']],
  ['notSearch', [Query.notSearch('title', 'dune')], ['emma', 'neuro', 'blank', 'hobbit']],
  ['or', [Query.or([Query.equal('pages', 412), Query.isNull('pages')])], ['dune', 'blank']],
  ['and', [Query.and([Query.greaterThan('pages', 300), Query.lessThan('pages', 450)])], ['dune', 'hobbit']],
  ['orderAsc (NULL first)', [Query.orderAsc('pages')], ['blank', 'neuro', 'hobbit', 'dune', 'emma']],
  ['orderDesc', [Query.orderDesc('rating'), Query.limit(2)], ['hobbit', 'dune']],
  ['limit and offset', [Query.limit(2), Query.offset(1)], ['emma', 'neuro']],
  ['cursorAfter', [Query.cursorAfter('neuro'), Query.limit(1)], ['blank']],
  ['cursorBefore', [Query.cursorBefore('neuro')], ['dune', 'emma']],
  ['cursor with an order', [Query.orderDesc('pages'), Query.cursorAfter('dune')], ['hobbit', 'neuro', 'blank']],
  ['createdBefore', [Query.createdBefore('2000-01-01T00:00:00.000+00:00')], []],
  ['createdAfter', [Query.createdAfter('2000-01-01T00:00:00.000+00:00')], ['dune', 'emma', 'neuro', 'blank', 'hobbit']],
  ['updatedBetween', [Query.updatedBetween('2000-01-01', '2999-01-01')], ['dune', 'emma', 'neuro', 'blank', 'hobbit']],
  ['dates are compared in UTC', [Query.greaterThan('year', '1965-08-01T01:00:00+02:00')], ['dune', 'neuro']],
]
