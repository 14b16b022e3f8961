import type { RequestContext } from '../../../engine/context.js'
import { formatDate } from '../../../util/time.js'
import { assertStageable, notPending } from './lookup.js'
import { type StagedOperation, TRANSACTIONS_STORE, type TransactionRecord } from './records.js'

/**
 * Adds operations to a transaction's log. The record is read again inside the write, so two requests staging
 * at once both land and the limit holds.
 */
export const appendOperations = (ctx: RequestContext, transactionId: string, ops: Omit<StagedOperation, 'stagedAt'>[]) =>
  ctx.store.write(async (w) => {
    const t = (await w.table(TRANSACTIONS_STORE).get(transactionId)) as TransactionRecord | undefined
    if (!t) throw notPending()
    assertStageable(ctx, t, ops.length)
    const stagedAt = ctx.now.toISOString()
    const next: TransactionRecord = {
      ...t,
      log: [...t.log, ...ops.map((op) => ({ ...op, stagedAt }))],
      operations: t.operations + ops.length,
      $updatedAt: formatDate(ctx.now),
    }
    await w.put(TRANSACTIONS_STORE, next)
    return next
  }, { stores: [TRANSACTIONS_STORE] })
