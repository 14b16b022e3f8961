import { defaultOwnerPermissions, isAllowed } from '../../../auth/permissions.js'
import type { Handler, RequestContext } from '../../../engine/context.js'
import { reply } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { formatDate } from '../../../util/time.js'
import type { Flavor } from '../flavor.js'
import { listSchema } from '../schema-list.js'
import { appendOperations } from './append.js'
import { commitTransaction, rollbackTransaction } from './commit.js'
import { assertStageable, isExpired, loadTransaction } from './lookup.js'
import { checkOperation, operationsParam } from './operations.js'
import { withStaged } from './overlay.js'
import { TRANSACTIONS_STORE, type TransactionRecord, renderTransaction } from './records.js'

const TTL_MIN = 60
const TTL_MAX = 3600
const GRACE_MS = 3_600_000

/** `POST …/transactions`: a pending transaction owned by its creator (keys' transactions have no permissions). */
const createTransaction: Handler = async (ctx) => {
  const ttl = ctx.params.ttl ?? 300
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < TTL_MIN || ttl > TTL_MAX) {
    throw invalidParam('ttl', 'Value must be a valid range between 60 and 3,600')
  }
  const now = formatDate(ctx.now)
  const record: TransactionRecord = {
    $id: ctx.newId(),
    $createdAt: now,
    $updatedAt: now,
    $permissions: defaultOwnerPermissions(ctx.caller),
    status: 'pending',
    operations: 0,
    expiresAt: formatDate(new Date(ctx.now.getTime() + ttl * 1000)),
    log: [],
  }
  await ctx.store.write(async (w) => {
    // Appwrite's maintenance job removes expired transactions later; an hour of grace keeps 410s visible.
    const stale = await w.table(TRANSACTIONS_STORE).where('expiresAt').below(formatDate(new Date(ctx.now.getTime() - GRACE_MS))).primaryKeys()
    await w.bulkDelete(TRANSACTIONS_STORE, stale)
    await w.put(TRANSACTIONS_STORE, record)
  }, { stores: [TRANSACTIONS_STORE] })
  return reply({ status: 201, body: renderTransaction(record) })
}

const getTransaction: Handler = async (ctx) => renderTransaction(await loadTransaction(ctx))

const ATTRIBUTES = [
  { key: 'status', type: 'string' },
  { key: 'operations', type: 'integer' },
  { key: 'expiresAt', type: 'datetime' },
]

/** `GET …/transactions`: the caller's transactions (every one for keys), with queries. */
const listTransactions: Handler = async (ctx) => {
  const all = (await ctx.store.db.table(TRANSACTIONS_STORE).toArray()) as TransactionRecord[]
  const mine = all.filter((t) => isAllowed(ctx.caller, t.$permissions, 'read'))
  const { total, records } = listSchema(ctx, mine, ATTRIBUTES, 'Transaction')
  return { total, transactions: records.map(renderTransaction) }
}

/** `PATCH …/transactions/<id>`: `commit: true` applies the staged writes, `rollback: true` drops them. */
const updateTransaction: Handler = async (ctx) => {
  const commit = ctx.params.commit === true
  const rollback = ctx.params.rollback === true
  if (!commit && !rollback) throw new AppwriteError('general_bad_request', { message: 'Either commit or rollback must be true' })
  if (commit && rollback) throw new AppwriteError('general_bad_request', { message: 'Cannot commit and rollback at the same time' })
  const t = await loadTransaction(ctx)
  if (t.status !== 'pending') throw new AppwriteError('transaction_not_ready')
  if (isExpired(ctx, t)) throw new AppwriteError('transaction_expired')
  return renderTransaction(commit ? await commitTransaction(ctx, t) : await rollbackTransaction(ctx, t))
}

const deleteTransaction: Handler = async (ctx) => {
  const t = await loadTransaction(ctx)
  await ctx.store.write((w) => w.delete(TRANSACTIONS_STORE, t.$id), { stores: [TRANSACTIONS_STORE] })
  return undefined
}

/**
 * `POST …/transactions/<id>/operations`: stages several operations at once, each checked against the data as
 * the transaction already sees it (earlier staged operations included).
 */
const createOperations = (flavor: Flavor): Handler => async (ctx: RequestContext) => {
  const entries = operationsParam(ctx, flavor)
  const t = await loadTransaction(ctx)
  assertStageable(ctx, t, entries.length)
  const ops = await withStaged(ctx, t, async () => {
    const created = new Set<string>()
    const checked = []
    for (const entry of entries) checked.push(await checkOperation(ctx, flavor, entry, created))
    return checked
  })
  return reply({ status: 201, body: renderTransaction(await appendOperations(ctx, t.$id, ops)) })
}

/** The transaction routes of one facade (`databases…` or `tablesDB…`); both share one store. */
export const transactionRoutes = (flavor: Flavor): Record<string, Handler> => {
  const p = flavor.api === 'tablesdb' ? 'tablesDB' : 'databases'
  return {
    [`${p}CreateTransaction`]: createTransaction,
    [`${p}GetTransaction`]: getTransaction,
    [`${p}ListTransactions`]: listTransactions,
    [`${p}UpdateTransaction`]: updateTransaction,
    [`${p}DeleteTransaction`]: deleteTransaction,
    [`${p}CreateOperations`]: createOperations(flavor),
  }
}
