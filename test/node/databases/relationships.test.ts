import { Databases, Query } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, serverCall, signedIn } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const ANY = ['read("any")', 'create("any")', 'update("any")', 'delete("any")']
const TITLE = [{ key: 'name', type: 'string', size: 32, required: false }]
const at = (collectionId: string) => ({ databaseId: 'db', collectionId })
const failure = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e) => [e.code, e.type, e.message])

/** Collections with a `name` attribute each, and one relationship between the first two. */
const setup = async (relation: Record<string, unknown>, collections = ['authors', 'books'], permissions = ANY) => {
  emu = startNodeEmulator()
  for (const id of collections) await makeCollection(emu, { id, attributes: TITLE, permissions })
  const created = await serverCall(emu, 'POST', `/databases/db/collections/${collections[0]}/attributes/relationship`, {
    relatedCollectionId: collections[1], ...relation,
  })
  expect(created.status).toBe(202)
  return { databases: new Databases(emu.client()), attribute: created.body }
}

const schemaOf = async (collectionId: string) => (await serverCall(emu, 'GET', `/databases/db/collections/${collectionId}`)).body

describe('Relationship attributes', () => {
  it('creates both sides of a two-way relationship, refuses a second manyToMany and indexes, and drops both sides on delete', async () => {
    const { attribute } = await setup({ type: 'oneToMany', twoWay: true, key: 'books', twoWayKey: 'author', onDelete: 'cascade' })
    expect(attribute).toMatchObject({
      key: 'books', type: 'relationship', status: 'processing', relatedCollection: 'books', relationType: 'oneToMany',
      twoWay: true, twoWayKey: 'author', onDelete: 'cascade', side: 'parent',
    })
    const books = await schemaOf('books')
    expect(books.attributes.find((a: { key: string }) => a.key === 'author')).toMatchObject({
      relatedCollection: 'authors', relationType: 'oneToMany', twoWayKey: 'books', side: 'child', status: 'available',
    })
    const index = await serverCall(emu, 'POST', '/databases/db/collections/books/indexes', { key: 'by_author', type: 'key', attributes: ['author'] })
    expect([index.status, index.body.type, index.body.message]).toEqual([400, 'attribute_type_invalid', 'Cannot create an index for a relationship attribute: author'])
    await serverCall(emu, 'POST', '/databases/db/collections/authors/attributes/relationship', { relatedCollectionId: 'books', type: 'manyToMany', key: 'm1' })
    const second = await serverCall(emu, 'POST', '/databases/db/collections/authors/attributes/relationship', { relatedCollectionId: 'books', type: 'manyToMany', key: 'm2' })
    expect([second.status, second.body.type]).toEqual([409, 'attribute_already_exists'])
    expect((await serverCall(emu, 'DELETE', '/databases/db/collections/authors/attributes/books')).status).toBe(204)
    expect((await schemaOf('books')).attributes.map((a: { key: string }) => a.key)).toEqual(['name'])
    // One-way: nothing shows on the related collection.
    const oneWay = await serverCall(emu, 'POST', '/databases/db/collections/books/attributes/relationship', { relatedCollectionId: 'authors', type: 'manyToOne', key: 'writer' })
    expect(oneWay.body).toMatchObject({ twoWay: false, twoWayKey: 'books', onDelete: 'restrict', side: 'parent' })
    expect((await schemaOf('authors')).attributes.map((a: { key: string }) => a.key)).toEqual(['name', 'm1'])
  })

  it('oneToMany two-way: nested create, IDs on the single side, lists only when selected, queries on the related ID', async () => {
    const { databases } = await setup({ type: 'oneToMany', twoWay: true, key: 'books', twoWayKey: 'author', onDelete: 'setNull' })
    const created = await databases.createDocument({
      ...at('authors'), documentId: 'herbert', data: { name: 'Frank Herbert', books: [{ $id: 'dune', name: 'Dune' }, { name: 'Children of Dune' }] },
    })
    // Write responses load the related documents (without the back reference).
    expect(created.books.map((b: { name: string }) => b.name)).toEqual(['Dune', 'Children of Dune'])
    expect(created.books[0]).toMatchObject({ $id: 'dune', $collectionId: 'books', $databaseId: 'db' })
    expect(created.books[0].author).toBeUndefined()
    // Reads without a select: the list side is absent, the single side is the related ID.
    const plain = await databases.getDocument({ ...at('authors'), documentId: 'herbert' })
    expect('books' in plain).toBe(false)
    expect((await databases.getDocument({ ...at('books'), documentId: 'dune' })).author).toBe('herbert')
    const loaded = await databases.getDocument({ ...at('authors'), documentId: 'herbert', queries: [Query.select(['*', 'books.name'])] })
    expect(loaded.name).toBe('Frank Herbert')
    expect(loaded.books.map((b: Record<string, unknown>) => Object.keys(b).filter((k) => !k.startsWith('$')))).toEqual([['name'], ['name']])
    const fromBook = await databases.getDocument({ ...at('books'), documentId: 'dune', queries: [Query.select(['author.*'])] })
    expect(fromBook.author).toMatchObject({ $id: 'herbert', name: 'Frank Herbert' })
    expect('name' in fromBook).toBe(false)
    const byAuthor = await databases.listDocuments({ ...at('books'), queries: [Query.equal('author', 'herbert')] })
    expect(byAuthor.total).toBe(2)
    const virtual = await failure(databases.listDocuments({ ...at('authors'), queries: [Query.equal('books', 'dune')] }))
    expect(virtual).toEqual([400, 'general_query_invalid', 'Invalid query: Cannot query on virtual relationship attribute'])
    // Updating the list replaces the links: the dropped book loses its author.
    await databases.updateDocument({ ...at('authors'), documentId: 'herbert', data: { books: ['dune', 'missing-id'] } })
    const books = await databases.listDocuments({ ...at('books'), queries: [Query.orderAsc('name')] })
    expect(books.documents.map((b) => [b.name, b.author])).toEqual([['Children of Dune', null], ['Dune', 'herbert']])
    // Setting the single side moves the book to another author.
    await databases.createDocument({ ...at('authors'), documentId: 'asimov', data: { name: 'Isaac Asimov' } })
    await databases.updateDocument({ ...at('books'), documentId: 'dune', data: { author: 'asimov' } })
    const herbert = await databases.getDocument({ ...at('authors'), documentId: 'herbert', queries: [Query.select(['books.*'])] })
    const asimov = await databases.getDocument({ ...at('authors'), documentId: 'asimov', queries: [Query.select(['books.*'])] })
    expect([herbert.books, asimov.books.map((b: { $id: string }) => b.$id)]).toEqual([[], ['dune']])
  })

  it('manyToMany: links both ways, replaces the set on update, refuses bulk writes and wrong shapes', async () => {
    const { databases } = await setup({ type: 'manyToMany', twoWay: true, key: 'courses', twoWayKey: 'students' }, ['students', 'courses'])
    await databases.createDocument({ ...at('courses'), documentId: 'math', data: { name: 'Math' } })
    await databases.createDocument({ ...at('courses'), documentId: 'art', data: { name: 'Art' } })
    await databases.createDocument({ ...at('students'), documentId: 'ann', data: { name: 'Ann', courses: ['math', 'art'] } })
    await databases.createDocument({ ...at('students'), documentId: 'bob', data: { name: 'Bob', courses: ['math'] } })
    const math = await databases.getDocument({ ...at('courses'), documentId: 'math', queries: [Query.select(['students.$id'])] })
    expect(math.students.map((s: { $id: string }) => s.$id)).toEqual(['ann', 'bob'])
    await databases.updateDocument({ ...at('students'), documentId: 'ann', data: { courses: ['art'] } })
    const after = await databases.getDocument({ ...at('courses'), documentId: 'math', queries: [Query.select(['students.$id'])] })
    expect(after.students.map((s: { $id: string }) => s.$id)).toEqual(['bob'])
    expect(await failure(databases.updateDocument({ ...at('students'), documentId: 'ann', data: { courses: 'math' } as never }))).toEqual([
      400, 'relationship_value_invalid', 'Invalid relationship value. Must be either an array of documents or document IDs, document ID given.',
    ])
    const bulk = await serverCall(emu, 'POST', '/databases/db/collections/students/documents', { documents: [{ name: 'Cy' }] })
    expect([bulk.status, bulk.body.message]).toEqual([400, 'Bulk create is not supported for databases with relationship attributes'])
  })

  it('oneToOne: two documents cannot point at the same one (409); onDelete restrict refuses (403)', async () => {
    const { databases } = await setup({ type: 'oneToOne', key: 'passport' }, ['people', 'passports'])
    await databases.createDocument({ ...at('passports'), documentId: 'p1', data: { name: 'P1' } })
    await databases.createDocument({ ...at('people'), documentId: 'ann', data: { name: 'Ann', passport: 'p1' } })
    expect(await failure(databases.createDocument({ ...at('people'), documentId: 'bob', data: { name: 'Bob', passport: 'p1' } as never }))).toEqual([
      409, 'document_unique_constraint_violation', 'Document violates a unique attribute constraint. Try again with different value(s).',
    ])
    expect((await databases.listDocuments(at('people'))).total).toBe(1)
    const restricted = await failure(databases.deleteDocument({ ...at('people'), documentId: 'ann' }))
    expect(restricted.slice(0, 2)).toEqual([403, 'document_delete_restricted'])
    // Deleting the child of a one-way oneToOne clears the parent's key.
    await databases.deleteDocument({ ...at('passports'), documentId: 'p1' })
    expect((await databases.getDocument({ ...at('people'), documentId: 'ann' })).passport).toBeNull()
  })

  it('onDelete cascade deletes related documents under the caller\'s permissions; setNull unlinks', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { id: 'authors', attributes: TITLE, permissions: ANY })
    await makeCollection(emu, { id: 'books', attributes: TITLE, permissions: ['read("any")', 'create("any")', 'update("any")'], security: true })
    await serverCall(emu, 'POST', '/databases/db/collections/authors/attributes/relationship', {
      relatedCollectionId: 'books', type: 'oneToMany', twoWay: true, key: 'books', twoWayKey: 'author', onDelete: 'cascade',
    })
    const { client, userId } = await signedIn(emu, 'owner@example.com')
    const databases = new Databases(client)
    await databases.createDocument({ ...at('authors'), documentId: 'a1', data: { name: 'A1', books: [{ $id: 'b1', name: 'B1' }] } })
    // The nested book inherited the author's permissions: the owner may delete it, so the cascade goes through.
    expect((await databases.getDocument({ ...at('books'), documentId: 'b1' })).$permissions).toContain(`delete("user:${userId}")`)
    await databases.deleteDocument({ ...at('authors'), documentId: 'a1' })
    expect((await databases.listDocuments(at('books'))).total).toBe(0)
    // A book the caller may not delete makes the whole delete fail, changing nothing.
    await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documentId: 'b2', data: { name: 'B2' }, permissions: ['read("any")'] })
    await databases.createDocument({ ...at('authors'), documentId: 'a2', data: { name: 'A2', books: ['b2'] } })
    expect((await failure(databases.deleteDocument({ ...at('authors'), documentId: 'a2' }))).slice(0, 2)).toEqual([401, 'user_unauthorized'])
    expect((await databases.getDocument({ ...at('books'), documentId: 'b2' })).author).toBe('a2')
    await serverCall(emu, 'PATCH', '/databases/db/collections/authors/attributes/relationship/books', { onDelete: 'setNull' })
    await databases.deleteDocument({ ...at('authors'), documentId: 'a2' })
    expect((await databases.getDocument({ ...at('books'), documentId: 'b2' })).author).toBeNull()
  })

  it('leaves out related documents the caller may not read', async () => {
    emu = startNodeEmulator()
    await makeCollection(emu, { id: 'authors', attributes: TITLE, permissions: ANY })
    await makeCollection(emu, { id: 'books', attributes: TITLE, permissions: ['create("any")'], security: true })
    await serverCall(emu, 'POST', '/databases/db/collections/books/attributes/relationship', {
      relatedCollectionId: 'authors', type: 'manyToOne', twoWay: true, key: 'author', twoWayKey: 'books',
    })
    await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documentId: 'open', data: { name: 'Open' }, permissions: ['read("any")'] })
    await serverCall(emu, 'POST', '/databases/db/collections/books/documents', { documentId: 'secret', data: { name: 'Secret' }, permissions: [] })
    await serverCall(emu, 'POST', '/databases/db/collections/authors/documents', { documentId: 'a', data: { name: 'A', books: ['open', 'secret'] } })
    const databases = new Databases(emu.client())
    const author = await databases.getDocument({ ...at('authors'), documentId: 'a', queries: [Query.select(['books.*'])] })
    expect(author.books.map((b: { $id: string }) => b.$id)).toEqual(['open'])
  })

  it('filters through relationships by the related documents\' attributes, from either side and two levels deep', async () => {
    const { databases } = await setup({ type: 'oneToMany', twoWay: true, key: 'books', twoWayKey: 'author' })
    await makeCollection(emu, { id: 'publishers', attributes: TITLE, permissions: ANY })
    await serverCall(emu, 'POST', '/databases/db/collections/authors/attributes/relationship', {
      relatedCollectionId: 'publishers', type: 'manyToOne', key: 'publisher', twoWay: true, twoWayKey: 'authors',
    })
    await databases.createDocument({ ...at('authors'), documentId: 'herbert', data: { name: 'Herbert', books: [{ name: 'Dune' }, { name: 'Emma' }], publisher: { $id: 'ace', name: 'Ace' } } })
    await databases.createDocument({ ...at('authors'), documentId: 'austen', data: { name: 'Austen', books: [{ name: 'Persuasion' }] } })
    const ids = async (collectionId: string, queries: string[]) =>
      (await databases.listDocuments({ ...at(collectionId), queries })).documents.map((d) => d.name).sort()
    expect(await ids('books', [Query.equal('author.name', 'Herbert')])).toEqual(['Dune', 'Emma'])
    expect(await ids('authors', [Query.startsWith('books.name', 'Pers')])).toEqual(['Austen'])
    expect(await ids('books', [Query.equal('author.publisher.name', 'Ace'), Query.notEqual('name', 'Emma')])).toEqual(['Dune'])
    expect(await ids('books', [Query.equal('author.name', 'Nobody')])).toEqual([])
    const unknown = await failure(databases.listDocuments({ ...at('books'), queries: [Query.equal('author.nope', 'x')] }))
    expect(unknown).toEqual([400, 'general_query_invalid', 'Invalid query: Attribute not found in schema: nope'])
  })
})
