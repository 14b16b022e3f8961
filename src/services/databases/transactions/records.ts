/** What a staged operation does when the transaction commits (Appwrite's `action` names). */
export type StagedAction =
  | 'create' | 'update' | 'upsert' | 'delete' | 'increment' | 'decrement'
  | 'bulkCreate' | 'bulkUpdate' | 'bulkUpsert' | 'bulkDelete'

export const STAGED_ACTIONS: readonly StagedAction[] = [
  'create', 'update', 'upsert', 'delete', 'increment', 'decrement', 'bulkCreate', 'bulkUpdate', 'bulkUpsert', 'bulkDelete',
]

export const BULK_ACTIONS: ReadonlySet<StagedAction> = new Set(['bulkCreate', 'bulkUpdate', 'bulkUpsert', 'bulkDelete'])

/**
 * One write waiting for commit, in the legacy names whichever facade staged it (both share one storage).
 * `data` is what `createOperations` takes: the document data (with `$permissions`), `{ attribute, value, max }`
 * for increments, `{ queries, data }` for bulk updates, the item list for bulk creates/upserts.
 */
export interface StagedOperation {
  action: StagedAction
  databaseId: string
  collectionId: string
  documentId?: string
  data: unknown
  /** When it was staged: a document changed after this moment makes the commit a conflict. */
  stagedAt: string
}

export type TransactionStatus = 'pending' | 'committing' | 'committed' | 'failed'

export interface TransactionRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  $permissions: string[]
  status: TransactionStatus
  /** How many operations were staged (a bulk call counts as one). */
  operations: number
  expiresAt: string
  log: StagedOperation[]
}

export const TRANSACTIONS_STORE = 'transactions'

/** `APP_LIMIT_DATABASE_TRANSACTION`: operations one transaction may hold. */
export const OPERATIONS_LIMIT = 100

export const renderTransaction = (t: TransactionRecord) => ({
  $id: t.$id,
  $createdAt: t.$createdAt,
  $updatedAt: t.$updatedAt,
  status: t.status,
  operations: t.operations,
  expiresAt: t.expiresAt,
})
