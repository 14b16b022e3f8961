import type { SeedConfig } from '../admin/index.js'
import type { ApiKey, ProjectSettings } from '../engine/index.js'

/** Options every Node host (`offwrite/msw`, `offwrite serve`) shares. */
export interface HostOptions {
  /** Project settings: name, auth policies, API keys. */
  config?: ProjectSettings
  /** API keys the project accepts; a plain string is a key with every scope. Without any, every key works. */
  apiKeys?: ReadonlyArray<string | ApiKey>
  /** Seeded at start (the project file plus `data`, as `admin.seed`); `serve` skips a project loaded from `--data`. */
  seed?: SeedConfig
  /** A fixed clock (ISO 8601) for stable snapshots. */
  clock?: string
  /** Server-made IDs become `<idPrefix>000001`, `<idPrefix>000002`, … */
  idPrefix?: string
}

export const toApiKey = (key: string | ApiKey): ApiKey => (typeof key === 'string' ? { secret: key, scopes: '*' } : key)

export const settingsOf = (options: HostOptions): ProjectSettings => {
  const settings: ProjectSettings = { ...options.config }
  if (options.apiKeys) settings.apiKeys = options.apiKeys.map(toApiKey)
  return settings
}
