import type { ServiceDefinition } from '../../engine/context.js'
import { databaseRoutes } from './routes.js'
import { databaseStores } from './stores.js'

/**
 * Databases (`/v1/databases`: collections, documents, attributes) and TablesDB (`/v1/tablesdb`: tables, rows,
 * columns): two facades over one storage. See docs/databases.md.
 */
export const databasesService: ServiceDefinition = {
  name: 'databases',
  stores: databaseStores,
  routes: databaseRoutes,
}

export { lastQueryPlan } from './documents/read.js'
export { applyDatabases, type ProjectFileDatabases, type RouteCaller } from './project-file.js'
