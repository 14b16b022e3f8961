import { AppwriteError } from '../../errors/index.js'
import type { Params } from '../../engine/read-params.js'
import { LegacyQueryError, legacyQueryToJson } from '../legacy-query.js'
import { type RequestFilter, without } from './types.js'

/**
 * Queries of SDKs before 15 come as `equal("attr", ["v"])`: turned into JSON queries, each or none.
 * @note Appwrite converts only on the routes its V17 filter names; elsewhere the old syntax is a syntax error.
 */
const convertQueries = (params: Params): Params => {
  if (!Array.isArray(params.queries)) return params
  const queries = params.queries.map((query) => {
    try {
      return typeof query === 'string' ? legacyQueryToJson(query) : query
    } catch (error) {
      if (!(error instanceof LegacyQueryError)) throw error
      throw new AppwriteError('general_query_invalid', { message: error.message })
    }
  })
  return { ...params, queries }
}

const LISTS = [
  'accountListIdentities', 'accountListLogs',
  'databasesList', 'databasesListLogs', 'databasesListCollections', 'databasesListCollectionLogs',
  'databasesListAttributes', 'databasesListIndexes', 'databasesListDocuments', 'databasesGetDocument',
  'databasesListDocumentLogs',
  'functionsList', 'functionsListDeployments', 'functionsListExecutions',
  'migrationsList', 'projectsList', 'proxyListRules',
  'storageListBuckets', 'storageListFiles',
  'teamsList', 'teamsListMemberships', 'teamsListLogs',
  'usersList', 'usersListLogs', 'usersListIdentities', 'vcsListInstallations',
]

/** 1.4 → 1.5 (Appwrite's request filter V17). */
export const requestV1_5: RequestFilter = {
  below: '1.5.0',
  operations: {
    ...Object.fromEntries(LISTS.map((operationId) => [operationId, convertQueries])),
    accountUpdateRecovery: (params) => without(params, 'passwordAgain'),
  },
}
