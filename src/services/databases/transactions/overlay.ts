import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import type { TransactionRecord } from './records.js'
import { type Touched, replayOperation } from './replay.js'

/** Carries a result out of a write that must not commit. */
class RolledBack<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `work` against the data as the transaction would leave it: the staged operations are applied inside
 * one IndexedDB write that is then abandoned, so nothing is kept and nothing is announced. Operations that
 * would fail now are skipped (the commit will report them).
 */
export const withStaged = async <T>(ctx: RequestContext, t: TransactionRecord, work: () => Promise<T>): Promise<T> => {
  try {
    await ctx.store.write(async () => {
      const touched: Touched = new Set()
      for (const op of t.log) {
        try {
          await replayOperation(ctx, op, touched)
        } catch (error) {
          if (!(error instanceof AppwriteError)) throw error
        }
      }
      throw new RolledBack(await work())
    })
  } catch (outcome) {
    if (outcome instanceof RolledBack) return outcome.value as T
    throw outcome
  }
  throw new Error('unreachable: a staged read always rolls back')
}
