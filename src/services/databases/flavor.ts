import { AppwriteError, type ErrorType } from '../../errors/index.js'
import { errorCatalog } from '../../generated/errors.js'

/**
 * The two API facades over one storage: legacy Databases (collections, documents, attributes) and TablesDB
 * (tables, rows, columns). Handlers are written once and read their names, models and errors from here.
 */
export interface Flavor {
  api: 'legacy' | 'tablesdb'
  param: { collection: string; document: string; documents: string; attribute: string; attributes: string; related: string }
  /** `documentSecurity` / `rowSecurity`. */
  security: 'documentSecurity' | 'rowSecurity'
  /** `$collectionId` / `$tableId` on documents. */
  collectionField: '$collectionId' | '$tableId'
  /** Event and list names: `collections`/`tables`, `documents`/`rows`, `attributes`/`columns`. */
  names: { collections: string; documents: string; attributes: string }
  models: {
    collection: string
    collectionList: string
    document: string
    documentList: string
    index: string
    indexList: string
    attributeList: string
    /** Attribute models are `attribute<Type>` / `column<Type>`. */
    attributePrefix: 'attribute' | 'column'
  }
  /** `Document` / `Row`, as cursor errors name it. */
  noun: 'Document' | 'Row'
  /** `databases` / `tablesDB`, as increment errors name the API. */
  apiName: 'databases' | 'tablesDB'
  error(type: ErrorType, options?: { message?: string; param?: string }): AppwriteError
}

const TABLE_ERRORS: Array<[RegExp, string]> = [
  [/^collection_/, 'table_'],
  [/^document_/, 'row_'],
  [/^attribute_/, 'column_'],
  [/^ATTRIBUTE_/, 'COLUMN_'],
  [/^index_/, 'column_index_'],
]

const tableError = (type: ErrorType): ErrorType => {
  for (const [from, to] of TABLE_ERRORS) {
    const renamed = type.replace(from, to)
    if (renamed !== type && renamed in errorCatalog) return renamed as ErrorType
  }
  return type
}

export const legacy: Flavor = {
  api: 'legacy',
  param: { collection: 'collectionId', document: 'documentId', documents: 'documents', attribute: 'attribute', attributes: 'attributes', related: 'relatedCollectionId' },
  security: 'documentSecurity',
  collectionField: '$collectionId',
  names: { collections: 'collections', documents: 'documents', attributes: 'attributes' },
  models: {
    collection: 'collection',
    collectionList: 'collectionList',
    document: 'document',
    documentList: 'documentList',
    index: 'index',
    indexList: 'indexList',
    attributeList: 'attributeList',
    attributePrefix: 'attribute',
  },
  noun: 'Document',
  apiName: 'databases',
  error: (type, options) => new AppwriteError(type, options),
}

export const tablesdb: Flavor = {
  api: 'tablesdb',
  param: { collection: 'tableId', document: 'rowId', documents: 'rows', attribute: 'column', attributes: 'columns', related: 'relatedTableId' },
  security: 'rowSecurity',
  collectionField: '$tableId',
  names: { collections: 'tables', documents: 'rows', attributes: 'columns' },
  models: {
    collection: 'table',
    collectionList: 'tableList',
    document: 'row',
    documentList: 'rowList',
    index: 'columnIndex',
    indexList: 'columnIndexList',
    attributeList: 'columnList',
    attributePrefix: 'column',
  },
  noun: 'Row',
  apiName: 'tablesDB',
  error: (type, options) => new AppwriteError(tableError(type), options),
}
