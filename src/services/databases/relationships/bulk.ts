import { AppwriteError } from '../../../errors/index.js'
import type { Flavor } from '../flavor.js'
import type { CollectionRecord } from '../records.js'
import { hasRelations } from './model.js'

/** Bulk writes are refused on collections with relationships, in Appwrite's words for each facade. */
export const refuseBulk = (flavor: Flavor, collection: CollectionRecord, action: 'create' | 'update' | 'upsert' | 'delete'): void => {
  if (!hasRelations(collection)) return
  const where = flavor.api === 'tablesdb' ? 'tablesDB with relationship columns' : 'databases with relationship attributes'
  throw new AppwriteError('general_bad_request', { message: `Bulk ${action} is not supported for ${where}` })
}
