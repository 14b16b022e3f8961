import type Dexie from 'dexie'
import { type StoreSchema, openDatabase } from './open-database.js'
import type { IndexedDbPlatform } from './platform.js'
import { type WriteLayer, type Writer, runWrite } from './write-path.js'

/**
 * One project's state: one IndexedDB database (`offwrite:<projectId>`), its schema assembled from the
 * services' stores plus anything added at run time, and the write path every mutation takes.
 */
export class ProjectStore {
  #db: Dexie
  #schema: StoreSchema

  private constructor(
    readonly projectId: string,
    db: Dexie,
    schema: StoreSchema,
    private readonly platform: IndexedDbPlatform,
    private readonly layers: readonly WriteLayer[],
  ) {
    this.#db = db
    this.#schema = schema
  }

  static async open(
    projectId: string,
    schema: StoreSchema,
    platform: IndexedDbPlatform,
    layers: readonly WriteLayer[],
    prefix = 'offwrite',
  ): Promise<ProjectStore> {
    const db = await openDatabase(`${prefix}:${projectId}`, schema, platform)
    return new ProjectStore(projectId, db, schema, platform, layers)
  }

  get db(): Dexie {
    return this.#db
  }

  get schema(): Readonly<StoreSchema> {
    return this.#schema
  }

  /** Adds or changes stores (e.g. a collection's indexes), upgrading the database in place. */
  async ensureStores(stores: StoreSchema): Promise<void> {
    const next = { ...this.#schema, ...stores }
    if (Object.entries(stores).every(([name, s]) => this.#schema[name] === s)) return
    const name = this.#db.name
    this.#db.close()
    this.#db = await openDatabase(name, next, this.platform)
    this.#schema = next
  }

  /**
   * Every mutation goes through here: see `Writer`. `options.stores` narrows the transaction to the stores the
   * work touches (hot paths such as document inserts); by default it spans them all.
   */
  write<T>(work: (w: Writer) => Promise<T>, options: { stores?: readonly string[] } = {}): Promise<T> {
    return runWrite(this.#db, this.layers, work, options.stores)
  }

  /** Removes every record of every store (admin reset), through the write path. */
  async clear(): Promise<void> {
    await this.write(async (w) => {
      for (const table of this.#db.tables) await w.clear(table.name)
    })
  }

  close(): void {
    this.#db.close()
  }
}
