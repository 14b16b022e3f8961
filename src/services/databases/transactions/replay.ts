import type { Handler, RequestContext } from '../../../engine/context.js'
import type { Params } from '../../../engine/read-params.js'
import { AppwriteError } from '../../../errors/index.js'
import { deleteManyDocuments, updateDocuments, upsertDocuments } from '../documents/bulk.js'
import { createDocument } from '../documents/create.js'
import { deleteDocument } from '../documents/delete.js'
import { adjustDocument } from '../documents/increment.js'
import { documentQueries, findDocuments } from '../documents/read.js'
import { type Doc, documentsTable, findDocument } from '../documents/store.js'
import { updateDocument, upsertDocument } from '../documents/update.js'
import { legacy } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import type { StagedAction, StagedOperation } from './records.js'
import { isRecord } from '../../../util/values.js'

/** Replays run the ordinary handlers, in the legacy names the log is kept in. */
const HANDLERS: Record<StagedAction, Handler> = {
  create: createDocument(legacy),
  update: updateDocument(legacy),
  upsert: upsertDocument(legacy),
  delete: deleteDocument(legacy),
  increment: adjustDocument(legacy, 1),
  decrement: adjustDocument(legacy, -1),
  bulkCreate: createDocument(legacy),
  bulkUpdate: updateDocuments(legacy),
  bulkUpsert: upsertDocuments(legacy),
  bulkDelete: deleteManyDocuments(legacy),
}

const asObject = (value: unknown): Doc => (isRecord(value) ? value : {})

const numeric = (value: unknown) => (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value)

/** The params the handler of a staged operation takes. */
const paramsOf = (op: StagedOperation): Params => {
  const base: Params = { databaseId: op.databaseId, collectionId: op.collectionId, documentId: op.documentId }
  const data = asObject(op.data)
  switch (op.action) {
    case 'create':
    case 'update':
    case 'upsert': {
      const { $permissions, ...rest } = data
      return { ...base, data: rest, permissions: $permissions }
    }
    case 'increment':
    case 'decrement': {
      const bound = op.action === 'increment' ? 'max' : 'min'
      return { ...base, attribute: data.attribute ?? data.column, value: numeric(data.value), [bound]: numeric(data[bound]) ?? undefined }
    }
    case 'bulkCreate':
    case 'bulkUpsert':
      return { ...base, documents: op.data }
    case 'bulkUpdate':
      return { ...base, queries: data.queries, data: data.data }
    default:
      return { ...base, queries: data.queries }
  }
}

/** Documents touched earlier in this replay (`<collection>/<id>`): later operations on them are not conflicts. */
export type Touched = Set<string>

const touchKey = (op: StagedOperation, id: unknown) => `${op.databaseId}/${op.collectionId}/${String(id).toLowerCase()}`

const conflict = () => new AppwriteError('transaction_conflict')

/**
 * Refuses an operation on a document someone changed after it was staged (unless this transaction itself
 * touched it first), as Appwrite replays each operation with its staging time as the request timestamp.
 */
const checkConflicts = async (ctx: RequestContext, op: StagedOperation, touched: Touched): Promise<string[]> => {
  const stagedAt = Date.parse(op.stagedAt)
  const newer = (doc: Doc | undefined) => !!doc && !touched.has(touchKey(op, doc.$id)) && Date.parse(String(doc.$updatedAt)) > stagedAt
  if (op.action === 'create' || op.action === 'bulkCreate') return []
  const { collection } = await loadTarget(ctx, legacy)
  const table = documentsTable(ctx)
  if (op.action === 'bulkUpdate' || op.action === 'bulkDelete') {
    const queries = documentQueries(ctx, collection)
    const { records } = await findDocuments(ctx, legacy, collection, queries, { total: false, defaultLimit: Number.MAX_SAFE_INTEGER })
    if (records.some(newer)) throw conflict()
    return records.map((d) => String(d.$id))
  }
  if (op.action === 'bulkUpsert') {
    const items = Array.isArray(op.data) ? (op.data as Doc[]) : []
    for (const item of items) if (typeof item?.$id === 'string' && newer(await findDocument(table, collection, item.$id))) throw conflict()
    return []
  }
  if (newer(await findDocument(table, collection, String(op.documentId)))) throw conflict()
  return []
}

/**
 * Applies one staged operation through its ordinary handler, under the committing caller's permissions, with
 * the caller's request otherwise unchanged. Must run inside the commit's write, so everything joins it.
 */
export const replayOperation = async (ctx: RequestContext, op: StagedOperation, touched: Touched): Promise<void> => {
  const replayCtx: RequestContext = { ...ctx, params: paramsOf(op), request: withoutTimestamp(ctx.request) }
  const matched = await checkConflicts(replayCtx, op, touched)
  const result = (await HANDLERS[op.action](replayCtx)) as Doc | undefined
  for (const id of matched) touched.add(touchKey(op, id))
  if (op.documentId) touched.add(touchKey(op, op.documentId))
  const listed = op.action === 'bulkCreate' || op.action === 'bulkUpsert' ? (result?.documents as Doc[] | undefined) : undefined
  for (const doc of listed ?? []) touched.add(touchKey(op, doc.$id))
}

/** The replay checks conflicts itself; a header the commit request happens to carry must not add another check. */
const withoutTimestamp = (request: Request): Request => {
  if (!request.headers.has('x-appwrite-timestamp')) return request
  const headers = new Headers(request.headers)
  headers.delete('x-appwrite-timestamp')
  return new Request(request.url, { method: request.method, headers })
}
