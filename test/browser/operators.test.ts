import { describe, expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'

/** Operators in Chromium: the official SDK's `Operator` helpers, answered by the real service worker. */
const harness = useHarness()

const PROJECT_FILE = {
  projectId: 'test',
  tablesDB: [{ $id: 'shop', name: 'Shop', enabled: true }],
  tables: [
    {
      $id: 'items', $permissions: ['read("any")', 'create("any")', 'update("any")', 'delete("any")'], databaseId: 'shop',
      name: 'Items', enabled: true, rowSecurity: false,
      columns: [
        { key: 'name', type: 'string', size: 32, required: true },
        { key: 'qty', type: 'integer', required: false },
        { key: 'tags', type: 'string', size: 16, required: false, array: true },
        { key: 'on', type: 'boolean', required: false },
        { key: 'due', type: 'datetime', required: false },
      ],
      indexes: [],
    },
  ],
}

describe('Operators in the browser', () => {
  test('numeric, array, string, boolean and date operators; concurrent increments all count; refusals', async () => {
    const emu = await harness.page()
    await emu.start()
    const out = await emu.run(async ({ appwrite, client, emulator }, file) => {
      await emulator.admin.seed('test', file)
      const { Operator } = appwrite
      const tables = new appwrite.TablesDB(client)
      const at = { databaseId: 'shop', tableId: 'items', rowId: 'pen' }
      await tables.createRow({ ...at, data: { name: 'pen', qty: 1, tags: ['blue'], on: false, due: '2026-01-01' } })
      const changed = await tables.updateRow({
        ...at,
        data: { qty: Operator.increment(4), tags: Operator.arrayAppend(['red', 'blue']), name: Operator.stringConcat(' #2'), on: Operator.toggle(), due: Operator.dateSubDays(1) },
      })
      const unique = await tables.updateRow({ ...at, data: { tags: Operator.arrayUnique(), qty: Operator.divide(2) } })
      await Promise.all(Array.from({ length: 20 }, () => tables.updateRow({ ...at, data: { qty: Operator.increment(1) } })))
      const counted = await tables.getRow(at)
      const refused = await tables.updateRow({ ...at, data: { on: Operator.increment(1) } }).catch((e) => [e.code, e.type, e.message])
      // The rest of the SDK's operators, each once.
      const steps = [
        { qty: Operator.decrement(3), tags: Operator.arrayPrepend(['green']), name: Operator.stringReplace('#2', 'two') },
        { qty: Operator.multiply(2, 1000), tags: Operator.arrayInsert(1, 'pink'), due: Operator.dateAddDays(2) },
        { qty: Operator.modulo(7), tags: Operator.arrayRemove('blue') },
        { qty: Operator.power(2), tags: Operator.arrayIntersect(['green', 'pink', 'red']) },
        { tags: Operator.arrayDiff(['red']) },
        { tags: Operator.arrayFilter(appwrite.Condition.NotEqual, 'pink'), due: Operator.dateSetNow() },
      ]
      const rest = []
      for (const data of steps) rest.push(await tables.updateRow({ ...at, data }))
      return { changed, unique, counted, refused, rest: rest.map((r) => ({ qty: r.qty, tags: r.tags, name: r.name, due: r.due })) }
    }, PROJECT_FILE)
    expect(out.changed).toMatchObject({ qty: 5, tags: ['blue', 'red', 'blue'], name: 'pen #2', on: true, due: '2025-12-31T00:00:00.000+00:00' })
    expect(out.unique).toMatchObject({ tags: ['blue', 'red'], qty: 3 })
    expect(out.counted.qty).toBe(23)
    expect(out.refused).toEqual([400, 'row_invalid_structure', "Invalid document structure: Cannot apply increment to non-numeric field 'on'"])
    expect(out.rest.map((r) => [r.qty, r.tags])).toEqual([
      [20, ['green', 'blue', 'red']],
      [40, ['green', 'pink', 'blue', 'red']],
      [5, ['green', 'pink', 'red']],
      [25, ['green', 'pink', 'red']],
      [25, ['green', 'pink']],
      [25, ['green']],
    ])
    expect(out.rest[0].name).toBe('pen two')
    expect(out.rest[1].due).toBe('2026-01-02T00:00:00.000+00:00')
    expect(Math.abs(Date.parse(out.rest[5].due) - Date.now())).toBeLessThan(60_000)
    expect(emu.offsite).toEqual([])
  })
})
