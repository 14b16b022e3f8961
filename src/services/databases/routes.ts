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
    [`${p}Create${names.Document}`]: createDocument(flavor),
    [`${p}List${names.Document}s`]: listDocuments(flavor),
    [`${p}Get${names.Document}`]: getDocument(flavor),
    [`${p}Update${names.Document}`]: updateDocument(flavor),
    [`${p}Upsert${names.Document}`]: upsertDocument(flavor),
    [`${p}Delete${names.Document}`]: deleteDocument(flavor),
    [`${p}Update${names.Document}s`]: updateDocuments(flavor),
    [`${p}Upsert${names.Document}s`]: upsertDocuments(flavor),
    [`${p}Delete${names.Document}s`]: deleteManyDocuments(flavor),
    [`${p}Increment${names.Increment}`]: adjustDocument(flavor, 1),
    [`${p}Decrement${names.Increment}`]: adjustDocument(flavor, -1),
    ...attributeRoutes(flavor),
    ...indexRoutes(flavor),
  }
  return handlers
}

export const databaseRoutes: Record<string, Handler> = {
  ...facadeRoutes(legacy, { Collection: 'Collection', Document: 'Document', Increment: 'DocumentAttribute' }),
  ...facadeRoutes(tablesdb, { Collection: 'Table', Document: 'Row', Increment: 'RowColumn' }),
}
