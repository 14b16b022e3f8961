import { TablesDB } from 'appwrite'
import fc from 'fast-check'
import { afterEach, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { makeCollection, signedIn } from './support.js'

let emu: NodeEmulator | undefined
afterEach(() => emu?.close())

const COUNTERS = ['a', 'b', 'c']
const ids = { databaseId: 'db', tableId: 'books' }

type Step = { kind: 'plain'; row: string; by: number } | { kind: 'tx'; ops: Array<{ row: string; by: number }> }

const row = fc.constantFrom(...COUNTERS)
const by = fc.integer({ min: 1, max: 9 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('plain' as const), row, by }),
  fc.record({ kind: fc.constant('tx' as const), ops: fc.array(fc.record({ row, by }), { minLength: 1, maxLength: 4 }) }),
)

/**
 * Transactions and plain writes sent all at once, interleaved however the engine schedules them: every
 * transaction is all-or-nothing, and the counters end where some serial order of the plain writes and the
 * committed transactions would leave them (increments commute, so that is: plain sums + committed sums).
 */
it('leaves the data as a serial order of plain writes and committed transactions would', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 8 }), async (steps) => {
      emu?.close()
      emu = startNodeEmulator()
      await makeCollection(emu, { api: 'tablesdb', attributes: [{ key: 'n', type: 'integer', required: false }] })
      const tables = new TablesDB((await signedIn(emu, 'serial@example.com')).client)
      for (const id of COUNTERS) await tables.createRow({ ...ids, rowId: id, data: { n: 0 } })
      const outcomes = await Promise.all(
        steps.map(async (s) => {
          if (s.kind === 'plain') {
            await tables.incrementRowColumn({ ...ids, rowId: s.row, column: 'n', value: s.by })
            return true
          }
          const tx = await tables.createTransaction()
          for (const op of s.ops) await tables.incrementRowColumn({ ...ids, rowId: op.row, column: 'n', value: op.by, transactionId: tx.$id })
          const done = await tables.updateTransaction({ transactionId: tx.$id, commit: true }).catch((e) => {
            expect(e.type).toBe('transaction_conflict')
            return undefined
          })
          if (done) expect(done.status).toBe('committed')
          else expect((await tables.getTransaction({ transactionId: tx.$id })).status).toBe('failed')
          return !!done
        }),
      )
      const expected = Object.fromEntries(COUNTERS.map((id) => [id, 0]))
      steps.forEach((s, i) => {
        if (!outcomes[i]) return
        for (const op of s.kind === 'plain' ? [s] : s.ops) expected[op.row] += op.by
      })
      const actual = Object.fromEntries((await tables.listRows(ids)).rows.map((r) => [r.$id, r.n]))
      expect(actual).toEqual(expected)
    }),
    { numRuns: 12 },
  )
})
