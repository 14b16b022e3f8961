import { expect } from 'vitest'
import type { appFlow } from './app-flow.js'

/** Related documents: loaded on every read before 1.8 (SDKs up to 18), only the related ID from 1.8 on. */
export const expectRelated = (major: number, a: Awaited<ReturnType<typeof appFlow>>) => {
  const { author, withAuthor, authors } = a.related
  const [writer] = authors.documents
  if (major < 20) {
    expect(withAuthor.author).toMatchObject({ $id: author.$id, name: 'Frank Herbert' })
    expect(writer.books.map((b: { title: string }) => b.title)).toEqual(['Dune Messiah'])
  } else {
    expect(withAuthor.author).toBe(author.$id)
    expect(writer).not.toHaveProperty('books')
  }
}
