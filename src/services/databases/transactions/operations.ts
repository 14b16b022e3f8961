import { assertGrantable, isAllowed } from '../../../auth/permissions.js'
import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { isNumberAttribute } from '../attributes/kinds.js'
import { type Doc, documentsTable, findDocument } from '../documents/store.js'
import type { Flavor } from '../flavor.js'
import { type CollectionRecord, type DatabaseRecord, collectionKey, idKey } from '../records.js'
import { BULK_ACTIONS, STAGED_ACTIONS, type StagedAction, type StagedOperation } from './records.js'
import { isRecord } from '../../../util/values.js'

const NEEDS_ID = new Set<StagedAction>(['create', 'update', 'upsert', 'delete', 'increment', 'decrement'])
const isNumeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))

/**
 * The shape rules of one entry of `operations` (Appwrite's `Operation` validator), as the reason a 400
 * `general_argument_invalid` gives. @note Some of Appwrite's texts contain U+2011 hyphens; kept.
 */
export const operationShapeError = (flavor: Flavor, value: unknown): string | undefined => {
  if (!isRecord(value)) return 'Value must be an array'
  const required = ['databaseId', 'action', flavor.param.collection]
  for (const key of required) if (!(key in value)) return `Missing required key: ${key}`
  for (const key of required) {
    if (typeof value[key] !== 'string' || (value[key] as string).trim() === '') return `Key '${key}' must be a non\u2011empty string`
  }
  const action = value.action as StagedAction
  if (!STAGED_ACTIONS.includes(action)) return `Key 'action' must be one of: ${STAGED_ACTIONS.join(', ')}`
  const idName = flavor.param.document
  if (NEEDS_ID.has(action) && !(idName in value)) return `Key '${idName}' is required for action '${action}'`
  if (idName in value && (typeof value[idName] !== 'string' || (value[idName] as string).trim() === '')) return `Key '${idName}' must be a non-empty string`
  if (action !== 'delete' && !('data' in value)) return 'Missing required key: data'
  if ('data' in value && typeof value.data !== 'object') return "Key 'data' must be an array"
  const data = (value.data ?? {}) as Doc
  if (action === 'bulkUpdate' || action === 'bulkDelete') {
    if (!('queries' in data)) return `Key 'queries' is required in data for ${action}`
    if (!Array.isArray(data.queries)) return `Key 'queries' must be an array for ${action}`
  }
  if (action === 'bulkUpdate') {
    if (!('data' in data)) return `Key 'data' is required in data for ${action}`
    if (typeof data.data !== 'object' || data.data === null) return `Key 'data.data' must be an array for ${action}`
  }
  if (action === 'increment' || action === 'decrement') {
    const key = flavor.api === 'tablesdb' ? 'column' : 'attribute'
    if (!(key in data)) return `Key '${key}' is required in data for ${action}`
    if ('value' in data && !isNumeric(data.value)) return `Key 'value' must be a numeric value for ${action}`
  }
  return undefined
}

/** The `operations` param, shape-checked. An empty list is refused. */
export const operationsParam = (ctx: RequestContext, flavor: Flavor): Doc[] => {
  const raw = ctx.params.operations ?? []
  if (!Array.isArray(raw)) throw invalidParam('operations', 'Value must a valid array and Value must be an array')
  if (raw.length === 0) throw new AppwriteError('general_bad_request', { message: 'Operations array cannot be empty' })
  for (const entry of raw) {
    const reason = operationShapeError(flavor, entry)
    if (reason) throw invalidParam('operations', `Value must a valid array and ${reason}`)
  }
  return raw as Doc[]
}

/**
 * Checks one operation as Appwrite does at staging time (`Operations/Create.php`): bulk actions are for API
 * keys; the database and collection exist; update/delete/increment/decrement name an existing document (or
 * one created earlier in the batch); a client needs the permission the action will need and may grant only
 * roles it holds; increments target a numeric attribute. `current` reads the document as the transaction sees it.
 */
export const checkOperation = async (ctx: RequestContext, flavor: Flavor, entry: Doc, created: Set<string>): Promise<Omit<StagedOperation, 'stagedAt'>> => {
  const action = entry.action as StagedAction
  const privileged = !!ctx.caller.key
  if (!privileged && BULK_ACTIONS.has(action)) throw new AppwriteError('user_unauthorized')
  const databaseId = String(entry.databaseId)
  const collectionId = String(entry[flavor.param.collection])
  const database = (await ctx.store.db.table('databases').get(idKey(databaseId))) as DatabaseRecord | undefined
  if (!database || (!database.enabled && !privileged)) throw new AppwriteError('database_not_found', { param: databaseId })
  const collection = (await ctx.store.db.table('collections').get(collectionKey(databaseId, collectionId))) as CollectionRecord | undefined
  if (!collection || (!collection.enabled && !privileged)) throw new AppwriteError('collection_not_found', { param: collectionId })
  const documentId = entry[flavor.param.document] as string | undefined
  const data = entry.data ?? (action === 'delete' ? {} : undefined)
  const createdKey = `${collection.k}/${String(documentId).toLowerCase()}`
  let doc: Doc | undefined
  if (action !== 'create' && !BULK_ACTIONS.has(action)) {
    doc = await findDocument(documentsTable(ctx), collection, String(documentId))
    if (!doc && !created.has(createdKey) && action !== 'upsert') throw new AppwriteError('document_not_found', { param: String(documentId) })
  }
  if (!privileged && !BULK_ACTIONS.has(action)) {
    checkPermission(ctx, collection, action, doc)
    const granted = isRecord(data) ? data.$permissions : undefined
    if (Array.isArray(granted)) assertGrantable(ctx.caller, granted as string[])
  }
  if (action === 'increment' || action === 'decrement') {
    const key = String((data as Doc).attribute ?? (data as Doc).column ?? '')
    const attr = collection.attributes.find((a) => a.key === key)
    if (!attr || !isNumberAttribute(attr)) {
      throw new AppwriteError('attribute_type_invalid', { message: `${flavor.api === 'tablesdb' ? 'Column' : 'Attribute'} "${key}" is not a number` })
    }
  }
  if (action === 'create' && documentId) created.add(createdKey)
  return { action, databaseId: database.$id, collectionId: collection.$id, documentId, data }
}

const checkPermission = (ctx: RequestContext, collection: CollectionRecord, action: StagedAction, doc: Doc | undefined) => {
  const type = action === 'create' || (action === 'upsert' && !doc) ? 'create' : action === 'delete' ? 'delete' : 'update'
  const byCollection = isAllowed(ctx.caller, collection.$permissions, type)
  const byDocument = type !== 'create' && collection.documentSecurity && !!doc && isAllowed(ctx.caller, (doc.$permissions as string[]) ?? [], type)
  if (!byCollection && !byDocument) throw new AppwriteError('user_unauthorized')
}
