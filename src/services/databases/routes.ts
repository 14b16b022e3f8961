import type { Handler } from '../../engine/context.js'
import { attributeRoutes } from './attributes/api.js'
import { createCollection, deleteCollection, getCollection, listCollections, updateCollection } from './collections-api.js'
import { createDatabase, deleteDatabase, getDatabase, listDatabases, updateDatabase } from './databases-api.js'
import { deleteManyDocuments, updateDocuments, upsertDocuments } from './documents/bulk.js'
import { createDocument } from './documents/create.js'
import { deleteDocument } from './documents/delete.js'
import { adjustDocument } from './documents/increment.js'
import { getDocument, listDocuments } from './documents/read.js'
import { updateDocument, upsertDocument } from './documents/update.js'
import { type Flavor, legacy, tablesdb } from './flavor.js'
import { indexRoutes } from './indexes/api.js'
import { transactionRoutes } from './transactions/api.js'
import { throughTransaction } from './transactions/read-through.js'
import { transactional } from './transactions/stage.js'

/** The routes of one facade: the same handlers, named as that API names them. */
const facadeRoutes = (flavor: Flavor, names: Record<string, string>): Record<string, Handler> => {
  const p = flavor.api === 'tablesdb' ? 'tablesDB' : 'databases'
  const handlers: Record<string, Handler> = {
    [`${p}Create`]: createDatabase(flavor.api),
    [`${p}List`]: listDatabases,
    [`${p}Get`]: getDatabase,
    [`${p}Update`]: updateDatabase,
    [`${p}Delete`]: deleteDatabase,
    [`${p}Create${names.Collection}`]: createCollection(flavor),
    [`${p}List${names.Collection}s`]: listCollections(flavor),
    [`${p}Get${names.Collection}`]: getCollection(flavor),
    [`${p}Update${names.Collection}`]: updateCollection(flavor),
    [`${p}Delete${names.Collection}`]: deleteCollection(flavor),
    [`${p}Create${names.Document}`]: transactional(flavor, 'create', createDocument(flavor)),
    [`${p}List${names.Document}s`]: throughTransaction(listDocuments(flavor)),
    [`${p}Get${names.Document}`]: throughTransaction(getDocument(flavor)),
    [`${p}Update${names.Document}`]: transactional(flavor, 'update', updateDocument(flavor)),
    [`${p}Upsert${names.Document}`]: transactional(flavor, 'upsert', upsertDocument(flavor)),
    [`${p}Delete${names.Document}`]: transactional(flavor, 'delete', deleteDocument(flavor)),
    [`${p}Update${names.Document}s`]: transactional(flavor, 'bulkUpdate', updateDocuments(flavor)),
    [`${p}Upsert${names.Document}s`]: transactional(flavor, 'bulkUpsert', upsertDocuments(flavor)),
    [`${p}Delete${names.Document}s`]: transactional(flavor, 'bulkDelete', deleteManyDocuments(flavor)),
    [`${p}Increment${names.Increment}`]: transactional(flavor, 'increment', adjustDocument(flavor, 1)),
    [`${p}Decrement${names.Increment}`]: transactional(flavor, 'decrement', adjustDocument(flavor, -1)),
    ...transactionRoutes(flavor),
    ...attributeRoutes(flavor),
    ...indexRoutes(flavor),
  }
  return handlers
}

export const databaseRoutes: Record<string, Handler> = {
  ...facadeRoutes(legacy, { Collection: 'Collection', Document: 'Document', Increment: 'DocumentAttribute' }),
  ...facadeRoutes(tablesdb, { Collection: 'Table', Document: 'Row', Increment: 'RowColumn' }),
}
