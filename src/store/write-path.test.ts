import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { expect, it } from 'vitest'
import { ProjectStore } from './project-store.js'
import type { EngineEvent, WriteLayer } from './write-path.js'

const event = (name: string): EngineEvent => ({ projectId: 'p', events: [name], model: 'any', payload: {}, readRoles: [], timestamp: '' })

const openStore = (announced: string[][]) => {
  const layer: WriteLayer = { name: 'record', afterCommit: (_changes, events) => announced.push(events.flatMap((e) => e.events)) }
  return ProjectStore.open('p', { items: 'id' }, { indexedDB: new IDBFactory(), IDBKeyRange }, [layer])
}

it('joins a write made inside a write: one transaction, events announced once after the outer commit', async () => {
  const announced: string[][] = []
  const store = await openStore(announced)
  await store.write(async (w) => {
    await w.put('items', { id: 1 })
    w.emit(event('outer'))
    await store.write(async (inner) => {
      expect(inner).toBe(w)
      await inner.put('items', { id: 2 })
      inner.emit(event('inner'))
    }, { stores: ['items'] })
    expect(announced).toEqual([])
  })
  expect(announced).toEqual([['outer', 'inner']])
  expect(await store.db.table('items').count()).toBe(2)
})

it('undoes the outer write and announces nothing when a nested write fails', async () => {
  const announced: string[][] = []
  const store = await openStore(announced)
  const failing = store.write(async (w) => {
    await w.put('items', { id: 1 })
    w.emit(event('outer'))
    await store.write(async (inner) => {
      await inner.put('items', { id: 2 })
      throw new Error('refused')
    })
  })
  await expect(failing).rejects.toThrow('refused')
  expect(announced).toEqual([])
  expect(await store.db.table('items').count()).toBe(0)
})
