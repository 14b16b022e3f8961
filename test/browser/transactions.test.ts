import { describe, expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'
import { signUp, subscribe, waitForMessages } from './realtime-helpers.js'

/** Transactions in Chromium: the official SDK, the real service worker, one IndexedDB write per commit. */
const harness = useHarness()

const PROJECT_FILE = {
  projectId: 'test',
  tablesDB: [{ $id: 'shop', name: 'Shop', enabled: true }],
  tables: [
    {
      $id: 'stock', $permissions: ['read("any")', 'create("users")', 'update("users")', 'delete("users")'], databaseId: 'shop',
      name: 'Stock', enabled: true, rowSecurity: false,
      columns: [
        { key: 'item', type: 'string', size: 32, required: true },
        { key: 'qty', type: 'integer', required: false, min: 0, max: 100 },
      ],
      indexes: [],
    },
  ],
}

describe('Transactions in the browser', () => {
  test('commit applies staged rows at once and announces them; rollback, a conflict and expiry apply nothing', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.run(({ emulator }, file) => emulator.admin.seed('test', file), PROJECT_FILE)
    await signUp(emu, 'tx@example.com', 'Tx')
    await subscribe(emu, 'rows', ['databases.shop.tables.stock.rows'])
    const out = await emu.run(async ({ appwrite, client, emulator }) => {
      const tables = new appwrite.TablesDB(client)
      const ids = { databaseId: 'shop', tableId: 'stock' }
      const names = async (transactionId?: string) => (await tables.listRows({ ...ids, transactionId })).rows.map((r) => `${r.$id}:${r.qty}`)
      await tables.createRow({ ...ids, rowId: 'apples', data: { item: 'apples', qty: 10 } })
      const tx = await tables.createTransaction({ ttl: 60 })
      await tables.createRow({ ...ids, rowId: 'pears', data: { item: 'pears', qty: 3 }, transactionId: tx.$id })
      await tables.decrementRowColumn({ ...ids, rowId: 'apples', column: 'qty', value: 4, transactionId: tx.$id })
      const staged = { outside: await names(), inside: await names(tx.$id) }
      const committed = await tables.updateTransaction({ transactionId: tx.$id, commit: true })
      const after = await names()
      const again = await tables.updateTransaction({ transactionId: tx.$id, commit: true }).catch((e) => e.type)

      const dropped = await tables.createTransaction()
      await tables.deleteRow({ ...ids, rowId: 'apples', transactionId: dropped.$id })
      const rolledBack = await tables.updateTransaction({ transactionId: dropped.$id, rollback: true })

      const clash = await tables.createTransaction()
      await tables.updateRow({ ...ids, rowId: 'pears', data: { qty: 1 }, transactionId: clash.$id })
      await new Promise((resolve) => setTimeout(resolve, 5))
      await tables.updateRow({ ...ids, rowId: 'pears', data: { qty: 2 } })
      const conflict = await tables.updateTransaction({ transactionId: clash.$id, commit: true }).catch((e) => [e.code, e.type])
      const final = await names()

      // Two minutes on (the worker's clock), a 60 s transaction has expired.
      const late = await tables.createTransaction({ ttl: 60 })
      await emulator.admin.setClock(new Date(Date.now() + 120_000).toISOString())
      const expired = await tables.createRow({ ...ids, rowId: 'late', data: { item: 'late' }, transactionId: late.$id }).catch((e) => [e.code, e.type])
      await emulator.admin.setClock(null)
      return { staged, committed: committed.status, after, again, rolledBack: rolledBack.status, conflict, final, expired }
    })
    expect(out.staged).toEqual({ outside: ['apples:10'], inside: ['apples:6', 'pears:3'] })
    expect(out.committed).toBe('committed')
    expect(out.after).toEqual(['apples:6', 'pears:3'])
    expect(out.again).toBe('transaction_not_ready')
    expect(out.rolledBack).toBe('failed')
    expect(out.conflict).toEqual([409, 'transaction_conflict'])
    expect(out.final).toEqual(['apples:6', 'pears:2'])
    expect(out.expired).toEqual([410, 'transaction_expired'])
    // Realtime saw the committed writes like any others, none of the staged or rolled-back ones.
    const messages = await waitForMessages(emu, 'rows', 4)
    const events = messages.map((m) => m.events.find((e) => /^databases\.shop\.tables\.stock\.rows\.[a-z]+\.[a-z]+$/.test(e)))
    expect(events).toEqual([
      'databases.shop.tables.stock.rows.apples.create',
      'databases.shop.tables.stock.rows.pears.create',
      'databases.shop.tables.stock.rows.apples.update',
      'databases.shop.tables.stock.rows.pears.update',
    ])
    expect(emu.offsite).toEqual([])
  })
})
