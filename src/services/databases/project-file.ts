import { kindByName, kindOf } from './attributes/kinds.js'

/** Calls a route of the project's server API by operationId with an API key (the admin client does). */
export interface RouteCaller {
  op(operationId: string, params?: Record<string, unknown>): Promise<unknown>
}

/** The database parts of the Appwrite CLI's project file (`appwrite.config.json`, older `appwrite.json`). */
export interface ProjectFileDatabases {
  databases?: unknown[]
  collections?: unknown[]
  tablesDB?: unknown[]
  tables?: unknown[]
}

type Entry = Record<string, any>

/** Runs a create; when the thing exists already (409) runs `orElse` instead, so seeding twice changes nothing. */
const createOr = async (create: () => Promise<unknown>, orElse?: () => Promise<unknown>) => {
  try {
    await create()
  } catch (error) {
    if ((error as { status?: number }).status !== 409) throw error
    await orElse?.()
  }
}

const applyDatabase = (api: RouteCaller, prefix: string, db: Entry) =>
  createOr(
    () => api.op(`${prefix}Create`, { databaseId: db.$id, name: db.name ?? db.$id, enabled: db.enabled ?? true }),
    () => api.op(`${prefix}Update`, { databaseId: db.$id, name: db.name ?? db.$id, enabled: db.enabled ?? true }),
  )

/** A CLI attribute (`{key, type: 'string', format: 'email', size, required, default, …}`) as create params. */
const attributeParams = (attr: Entry) => {
  const { key, required, array, size, min, max, elements, encrypt } = attr
  const params: Entry = { key, required: required === true, array: array === true, size, min, max, elements, encrypt }
  if (attr.default !== null && attr.default !== undefined && !required) params.default = attr.default
  for (const name of Object.keys(params)) if (params[name] === undefined) delete params[name]
  return params
}

/**
 * Creates a collection (table) with its attributes (columns) and indexes, or brings an existing one up to
 * the file: settings updated, missing attributes and indexes added, existing ones left as they are.
 * Relationships are returned for later: the related collection may come further down the file.
 */
const applyCollection = async (api: RouteCaller, tables: boolean, entry: Entry): Promise<Array<() => Promise<void>>> => {
  const prefix = tables ? 'tablesDB' : 'databases'
  const [noun, idParam, security, fields] = tables
    ? ['Table', 'tableId', 'rowSecurity', 'columns']
    : ['Collection', 'collectionId', 'documentSecurity', 'attributes']
  const ids = { databaseId: entry.databaseId, [idParam]: entry.$id }
  const settings = {
    ...ids,
    name: entry.name ?? entry.$id,
    permissions: entry.$permissions ?? [],
    [security]: entry[security] ?? entry.documentSecurity ?? false,
    enabled: entry.enabled ?? true,
  }
  await createOr(
    () => api.op(`${prefix}Create${noun}`, settings),
    () => api.op(`${prefix}Update${noun}`, settings),
  )
  const relationships: Array<() => Promise<void>> = []
  for (const attr of (entry[fields] ?? entry.attributes ?? []) as Entry[]) {
    if (attr.type === 'relationship') {
      // The child side of a two-way relationship is made with its parent.
      if (attr.side !== 'child') relationships.push(() => createOr(() => api.op(`${prefix}CreateRelationship${tables ? 'Column' : 'Attribute'}`, { ...ids, ...relationshipParams(attr, tables) })))
      continue
    }
    const kind = kindOf({ type: attr.type, format: attr.format || undefined }) ?? kindByName(attr.format || attr.type)
    if (!kind) continue
    await createOr(() => api.op(`${prefix}Create${kind.op}${tables ? 'Column' : 'Attribute'}`, { ...ids, ...attributeParams(attr) }))
  }
  for (const index of (entry.indexes ?? []) as Entry[]) {
    const columns = index[fields] ?? index.attributes ?? index.columns
    await createOr(() =>
      api.op(`${prefix}CreateIndex`, { ...ids, key: index.key, type: index.type, [fields]: columns, orders: index.orders, lengths: index.lengths }),
    )
  }
  return relationships
}

/** A CLI relationship attribute (`relatedCollection`/`relatedTable`, `relationType`, …) as create params. */
const relationshipParams = (attr: Entry, tables: boolean) => ({
  [tables ? 'relatedTableId' : 'relatedCollectionId']: attr.relatedTable ?? attr.relatedCollection,
  type: attr.relationType,
  twoWay: attr.twoWay === true,
  key: attr.key,
  twoWayKey: attr.twoWayKey ?? undefined,
  onDelete: attr.onDelete ?? 'restrict',
})

/**
 * Creates the databases, collections and tables of a project file, with their attributes, columns and
 * indexes, through the project's server API (validated and announced like any request). Idempotent.
 * @example
 * await applyDatabases(adminClient, JSON.parse(readFileSync('appwrite.config.json', 'utf8')))
 */
export const applyDatabases = async (api: RouteCaller, config: ProjectFileDatabases): Promise<void> => {
  for (const db of (config.databases ?? []) as Entry[]) await applyDatabase(api, 'databases', db)
  for (const db of (config.tablesDB ?? []) as Entry[]) await applyDatabase(api, 'tablesDB', db)
  const relationships: Array<() => Promise<void>> = []
  for (const collection of (config.collections ?? []) as Entry[]) relationships.push(...(await applyCollection(api, false, collection)))
  for (const table of (config.tables ?? []) as Entry[]) relationships.push(...(await applyCollection(api, true, table)))
  for (const create of relationships) await create()
}
