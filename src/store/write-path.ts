import Dexie, { type Table, type Transaction } from 'dexie'

/** A change the write path made, as later layers (sync outbox, request log) see it. */
export interface Change {
  table: string
  op: 'put' | 'delete' | 'clear'
  key: unknown
  value?: unknown
}

/**
 * Something that happened, as Appwrite would announce it: the event names (without wildcard expansion), the
 * resource in its response model, and the roles that may read it. Realtime turns these into socket frames.
 */
export interface EngineEvent {
  projectId: string
  events: string[]
  model: string
  payload: Record<string, unknown>
  /** Roles allowed to receive the event; `any` for everyone. Empty means API keys only. */
  readRoles: string[]
  timestamp: string
}

/** A feature wrapped around every write: runs inside the transaction, then after it commits. */
export interface WriteLayer {
  name: string
  /** Extra stores the layer writes inside the transaction. */
  stores?: string[]
  inTransaction?(db: Dexie, changes: Change[], events: EngineEvent[]): Promise<void>
  afterCommit?(changes: Change[], events: EngineEvent[]): void
}

/**
 * The only way services mutate state. Use it inside `store.write(...)`: every put and delete is recorded, and
 * every `emit` is held back until the transaction commits, so a failed request changes nothing and announces
 * nothing.
 * @note Only IndexedDB work may be awaited inside a write: hash passwords and read request bodies before it.
 */
export class Writer {
  readonly changes: Change[] = []
  readonly events: EngineEvent[] = []

  constructor(readonly db: Dexie) {}

  table<T = any>(name: string): Table<T, any> {
    return this.db.table(name)
  }

  async add<T extends object>(table: string, value: T): Promise<T> {
    const key = await this.db.table(table).add(value)
    this.changes.push({ table, op: 'put', key, value })
    return value
  }

  async put<T extends object>(table: string, value: T): Promise<T> {
    const key = await this.db.table(table).put(value)
    this.changes.push({ table, op: 'put', key, value })
    return value
  }

  async bulkPut<T extends object>(table: string, values: T[]): Promise<T[]> {
    const keys = await this.db.table(table).bulkPut(values, { allKeys: true })
    for (const [i, value] of values.entries()) this.changes.push({ table, op: 'put', key: keys[i], value })
    return values
  }

  /** Adds new records: a key already taken is IndexedDB's ConstraintError, never an overwrite. */
  async bulkAdd<T extends object>(table: string, values: T[]): Promise<T[]> {
    const keys = await this.db.table(table).bulkAdd(values, { allKeys: true })
    for (const [i, value] of values.entries()) this.changes.push({ table, op: 'put', key: keys[i], value })
    return values
  }

  async delete(table: string, key: unknown): Promise<void> {
    await this.db.table(table).delete(key as never)
    this.changes.push({ table, op: 'delete', key })
  }

  async bulkDelete(table: string, keys: unknown[]): Promise<void> {
    if (keys.length === 0) return
    await this.db.table(table).bulkDelete(keys as never[])
    for (const key of keys) this.changes.push({ table, op: 'delete', key })
  }

  async clear(table: string): Promise<void> {
    await this.db.table(table).clear()
    this.changes.push({ table, op: 'clear', key: null })
  }

  emit(event: EngineEvent): void {
    this.events.push(event)
  }
}

const writers = new WeakMap<Transaction, Writer>()

const enclosingWriter = (scope: readonly string[]): Writer | undefined => {
  const current = Dexie.currentTransaction
  const writer = current && writers.get(current)
  if (!writer || !current.active) return undefined
  const missing = scope.filter((s) => !current.storeNames.includes(s))
  if (missing.length) throw new Error(`A nested write needs stores its enclosing write lacks: ${missing.join(', ')}`)
  return writer
}

/**
 * Runs `work` in one read-write transaction, with each layer wrapped around it. The transaction spans every
 * store unless `stores` names the ones the work touches (plus the layers' own): a narrow write lets requests
 * that only read other stores, or write elsewhere, go on meanwhile.
 */
export const runWrite = async <T>(
  db: Dexie,
  layers: readonly WriteLayer[],
  work: (w: Writer) => Promise<T>,
  stores?: readonly string[],
): Promise<T> => {
  const scope = stores ? [...new Set([...stores, ...layers.flatMap((l) => l.stores ?? [])])] : db.tables.map((t) => t.name)
  const outer = enclosingWriter(scope)
  // A write inside a write (a transaction commit replaying handlers, a cascade) joins it: one IndexedDB
  // transaction, one set of changes and events, announced only when the outermost one commits.
  if (outer) return work(outer)
  const writer = new Writer(db)
  const result = await db.transaction('rw', scope, async () => {
    writers.set(Dexie.currentTransaction, writer)
    const value = await work(writer)
    for (const layer of layers) await layer.inTransaction?.(db, writer.changes, writer.events)
    return value
  })
  for (const layer of layers) layer.afterCommit?.(writer.changes, writer.events)
  return result
}
