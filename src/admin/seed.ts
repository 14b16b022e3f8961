import { applyDatabases } from '../services/databases/project-file.js'
import { applyBuckets } from '../services/storage/project-file.js'
import type { AdminClient } from './admin-caller.js'
import { seedFiles, seedRecords } from './seed-records.js'
import type { SeedConfig, SeedResult } from './seed-types.js'
import { seedTeams, seedUsers } from './seed-users.js'

/** Creates the schema a project file describes (databases, collections/tables, buckets). */
export type SchemaApplier = (api: AdminClient, config: SeedConfig) => Promise<void>

/** The project file's schema, each part by the service that owns it. */
const applyProjectFile: SchemaApplier = async (api, config) => {
  await applyDatabases(api, config)
  await applyBuckets(api, config.buckets ?? [])
}

/**
 * Seeds a project: the project file's schema and teams first, then users, teams with members, documents,
 * rows and files, in that order (so permissions and memberships can name what came before). Every write is a
 * request to the project's own server API with an API key: it is validated and stored as any other.
 */
export const seedProject = async (
  api: AdminClient,
  config: SeedConfig,
  applySchema: SchemaApplier = applyProjectFile,
): Promise<SeedResult> => {
  await applySchema(api, config)
  const data = config.data ?? {}
  const users = await seedUsers(api, data.users ?? [])
  const fileTeams = (config.teams ?? []).filter((t) => !data.teams?.some((d) => d.$id === t.$id))
  const teams = await seedTeams(api, [...fileTeams, ...(data.teams ?? [])])
  const documents = await seedRecords(api, 'documents', data.documents ?? {})
  const rows = await seedRecords(api, 'rows', data.rows ?? {})
  const files = await seedFiles(api, data.files ?? {})
  return { users, teams, documents, rows, files }
}
