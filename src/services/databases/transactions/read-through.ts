import type { Handler } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { findTransaction } from './lookup.js'
import { withStaged } from './overlay.js'

/**
 * Wraps a document read route: with a `transactionId` it answers from the data as the transaction would
 * leave it (committed data with the staged operations applied on top), changing nothing.
 */
export const throughTransaction = (handler: Handler): Handler => async (ctx) => {
  const transactionId = ctx.params.transactionId
  if (typeof transactionId !== 'string' || transactionId === '') return handler(ctx)
  const t = await findTransaction(ctx, transactionId)
  if (!t) throw new AppwriteError('transaction_not_found', { param: transactionId })
  const { transactionId: _omitted, ...params } = ctx.params
  return withStaged(ctx, t, () => handler({ ...ctx, params }))
}
