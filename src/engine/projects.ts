import Dexie from 'dexie'
import type { ProjectSettings } from './context.js'
import type { IndexedDbPlatform } from '../store/platform.js'

export interface ProjectRecord {
  id: string
  settings: ProjectSettings
  /** The key JWTs are signed with, made once per project. */
  jwtSecret: Uint8Array
  createdAt: string
}

/** The projects this emulator serves, kept in their own small database (`<prefix>`) beside the projects'. */
export class ProjectRegistry {
  readonly #db: Dexie
  readonly #cache = new Map<string, ProjectRecord | null>()

  constructor(platform: IndexedDbPlatform, prefix: string) {
    this.#db = new Dexie(prefix, platform)
    this.#db.version(1).stores({ projects: 'id' })
  }

  async get(id: string): Promise<ProjectRecord | null> {
    if (this.#cache.has(id)) return this.#cache.get(id) ?? null
    const record = ((await this.#db.table('projects').get(id)) as ProjectRecord | undefined) ?? null
    if (record) this.#cache.set(id, record)
    return record
  }

  /** Registers a project, or updates its settings; keeps its JWT key. Idempotent. */
  async register(id: string, settings: ProjectSettings, now: Date): Promise<ProjectRecord> {
    const existing = await this.get(id)
    const secret = existing?.jwtSecret ?? crypto.getRandomValues(new Uint8Array(32))
    const record: ProjectRecord = { id, settings, jwtSecret: secret, createdAt: existing?.createdAt ?? now.toISOString() }
    await this.#db.table('projects').put(record)
    this.#cache.set(id, record)
    return record
  }

  async list(): Promise<ProjectRecord[]> {
    return this.#db.table('projects').toArray()
  }

  close(): void {
    this.#db.close()
  }
}
