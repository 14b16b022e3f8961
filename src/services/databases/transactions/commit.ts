import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError, type ErrorType } from '../../../errors/index.js'
import { formatDate } from '../../../util/time.js'
import { TRANSACTIONS_STORE, type TransactionRecord, type TransactionStatus } from './records.js'
import { type Touched, replayOperation } from './replay.js'

/** Errors a commit reports as they are; every other document error is a 400 `transaction_failed`. */
const PASSED_ON = new Set<ErrorType>([
  'document_not_found', 'document_invalid_structure', 'attribute_limit_exceeded', 'general_query_invalid',
  'relationship_value_invalid', 'user_unauthorized', 'transaction_conflict',
])

const CONFLICTS = new Set<string>(['document_update_conflict', 'document_already_exists', 'document_unique_constraint_violation'])

/**
 * What a failed commit answers (Appwrite's `Transactions/Update.php`): a changed or duplicate document is a
 * 409 `transaction_conflict`; structure, limit, query, relationship, missing-document and permission errors
 * keep their own types (the document ones even on TablesDB, since the replay speaks the legacy names).
 */
const commitError = (error: unknown, documentId: string | undefined): unknown => {
  if (!(error instanceof AppwriteError)) return error
  if (CONFLICTS.has(error.type)) return new AppwriteError('transaction_conflict')
  if (error.type === 'document_not_found') return new AppwriteError('document_not_found', { param: documentId ?? 'unknown' })
  if (PASSED_ON.has(error.type)) return error
  if (error.type.startsWith('document_') || error.type.startsWith('attribute_')) {
    return new AppwriteError('transaction_failed', { message: error.message })
  }
  return error
}

const setStatus = (ctx: RequestContext, t: TransactionRecord, status: TransactionStatus) =>
  ctx.store.write(async (w) => {
    const next = { ...t, status, $updatedAt: formatDate(ctx.now) }
    await w.put(TRANSACTIONS_STORE, next)
    return next
  })

/**
 * Commits: replays every staged operation in staging order inside ONE IndexedDB write, together with the
 * status change, so the data and the transaction move together or not at all. Events of the replayed writes
 * are announced after the commit, like any others. On failure the transaction is left `failed`.
 */
export const commitTransaction = async (ctx: RequestContext, t: TransactionRecord): Promise<TransactionRecord> => {
  let current: string | undefined
  try {
    return await ctx.store.write(async (w) => {
      const touched: Touched = new Set()
      for (const op of t.log) {
        current = op.documentId
        await replayOperation(ctx, op, touched)
      }
      const committed: TransactionRecord = { ...t, status: 'committed', $updatedAt: formatDate(ctx.now) }
      await w.put(TRANSACTIONS_STORE, committed)
      return committed
    })
  } catch (error) {
    await setStatus(ctx, t, 'failed')
    throw commitError(error, current)
  }
}

/** Rollback: nothing was applied, so only the status changes (Appwrite reports `failed`, not `rolled_back`). */
export const rollbackTransaction = (ctx: RequestContext, t: TransactionRecord) => setStatus(ctx, t, 'failed')
