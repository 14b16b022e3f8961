import { isAllowed } from '../../../auth/permissions.js'
import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { checkUid } from '../../common/validators.js'
import { OPERATIONS_LIMIT, TRANSACTIONS_STORE, type TransactionRecord } from './records.js'

/** A transaction the caller may see (its owner, or any API key), else `undefined`. */
export const findTransaction = async (ctx: RequestContext, id: string): Promise<TransactionRecord | undefined> => {
  const record = (await ctx.store.db.table(TRANSACTIONS_STORE).get(id)) as TransactionRecord | undefined
  return record && isAllowed(ctx.caller, record.$permissions, 'read') ? record : undefined
}

/** The transaction of the path: 404 `transaction_not_found` when missing or not the caller's. */
export const loadTransaction = async (ctx: RequestContext): Promise<TransactionRecord> => {
  const id = checkUid('transactionId', ctx.params.transactionId)
  const record = await findTransaction(ctx, id)
  if (!record) throw new AppwriteError('transaction_not_found', { param: id })
  return record
}

export const isExpired = (ctx: RequestContext, t: TransactionRecord): boolean => ctx.now.getTime() > Date.parse(t.expiresAt)

/**
 * @note Appwrite's words when a write names a transaction that is missing or no longer pending (the
 * hyphen is U+2011, as Appwrite's source has it).
 */
export const notPending = () => new AppwriteError('general_bad_request', { message: 'Invalid or non\u2011pending transaction' })

/** A transaction that can take `adding` more operations: pending, not expired, under the limit. */
export const assertStageable = (ctx: RequestContext, t: TransactionRecord, adding: number): void => {
  if (t.status !== 'pending') throw notPending()
  if (isExpired(ctx, t)) throw new AppwriteError('transaction_expired')
  if (t.operations + adding > OPERATIONS_LIMIT) {
    throw new AppwriteError('transaction_limit_exceeded', {
      message: `Transaction already has ${t.operations} operations, adding ${adding} would exceed the maximum of ${OPERATIONS_LIMIT}`,
    })
  }
}
