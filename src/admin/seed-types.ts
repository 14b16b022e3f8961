/** A user to create, with a plain password (hashed on the way in, as `users.create` does). */
export interface SeedUser {
  $id?: string
  email?: string
  phone?: string
  password?: string
  name?: string
  labels?: string[]
  prefs?: Record<string, unknown>
  emailVerification?: boolean
  phoneVerification?: boolean
  /** `false` blocks the user. */
  status?: boolean
}

export interface SeedTeam {
  $id: string
  name: string
  /** Members, added with an API key, so confirmed at once as Appwrite does for servers. */
  members?: Array<{ userId: string; roles?: string[] }>
}

/** A document or row: its fields, plus `$id` and `$permissions` if wanted. */
export type SeedRecord = { $id?: string; $permissions?: string[] } & Record<string, unknown>

/** A file: text `content`, or `base64`, or a `blob` (not over comlink-less channels such as Playwright's). */
export interface SeedFile {
  $id?: string
  name: string
  content?: string
  base64?: string
  blob?: Blob
  /** MIME type given to the upload (default: `text/plain` for content, else `application/octet-stream`). */
  type?: string
  $permissions?: string[]
}

export interface SeedData {
  users?: SeedUser[]
  teams?: SeedTeam[]
  /** By `"<databaseId>/<collectionId>"`. */
  documents?: Record<string, SeedRecord[]>
  /** By `"<databaseId>/<tableId>"`. */
  rows?: Record<string, SeedRecord[]>
  /** By bucket id. */
  files?: Record<string, SeedFile[]>
}

/**
 * What `seed()` takes: the Appwrite CLI's project file (`appwrite.config.json`, or the older `appwrite.json`:
 * databases, collections, tablesDB, tables, buckets, teams) with the data to put in it under `data`.
 */
export interface SeedConfig {
  projectId?: string
  databases?: unknown[]
  collections?: unknown[]
  tablesDB?: unknown[]
  tables?: unknown[]
  buckets?: unknown[]
  teams?: Array<{ $id: string; name: string }>
  data?: SeedData
  [key: string]: unknown
}

/** The ids `seed()` made, by kind. */
export interface SeedResult {
  users: string[]
  teams: string[]
  documents: string[]
  rows: string[]
  files: string[]
}
