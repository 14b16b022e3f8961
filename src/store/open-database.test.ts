import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { expect, it } from 'vitest'
import { openDatabase } from './open-database.js'

it('keeps stores added at run time across a reopen, upgrades only on change, and deletes stores set to null', async () => {
  const platform = { indexedDB: new IDBFactory(), IDBKeyRange }
  let db = await openDatabase('keep', { users: '$id, email' }, platform)
  expect(db.verno).toBe(1)
  db.close()
  db = await openDatabase('keep', { users: '$id, email', extra: 'id' }, platform)
  await db.table('extra').put({ id: 1 })
  expect(db.verno).toBe(2)
  db.close()
  // A later start names only the services' stores: the run-time store and its data stay, no upgrade.
  db = await openDatabase('keep', { users: '$id, email' }, platform)
  expect(db.verno).toBe(2)
  expect(await db.table('extra').get(1)).toEqual({ id: 1 })
  db.close()
  db = await openDatabase('keep', { extra: null }, platform)
  expect(db.tables.map((t) => t.name)).toEqual(['users'])
  db.close()
})
