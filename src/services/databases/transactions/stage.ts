import type { Handler, RequestContext } from '../../../engine/context.js'
import { reply } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { checkCustomId, checkUid, resolveId } from '../../common/validators.js'
import { assertCollectionCreate } from '../access.js'
import { isNumberAttribute } from '../attributes/kinds.js'
import { notANumber } from '../documents/increment.js'
import { createPermissions, permissionsParam } from '../documents/permissions.js'
import { type Doc, documentsTable, findDocument } from '../documents/store.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import type { CollectionRecord } from '../records.js'
import { renderDocument } from '../render.js'
import { stripInput } from '../structure.js'
import { appendOperations } from './append.js'
import { assertStageable, findTransaction, notPending } from './lookup.js'
import { withStaged } from './overlay.js'
import type { StagedAction, StagedOperation } from './records.js'
import { isRecord } from '../../../util/values.js'

type Staged = Omit<StagedOperation, 'stagedAt'>

const dataOf = (ctx: RequestContext): Doc => (isRecord(ctx.params.data) ? ctx.params.data : {})

/** What the route's handler answers for a staged write: a preview, never the stored document. */
interface Plan {
  op: Staged
  answer: () => unknown
}

const ON_DOCUMENT: ReadonlySet<StagedAction> = new Set(['update', 'upsert', 'delete', 'increment', 'decrement'])

const unstored = (doc: Doc): Doc => ({ ...doc, $sequence: '', $createdAt: '', $updatedAt: '' })

/**
 * Wraps a document write route: with a `transactionId` the request is checked and recorded instead of
 * executed (Appwrite's staging path), answering a preview; without one the handler runs as usual.
 * @note Staging checks the parameters, IDs, the grant rule and (for creates) the collection's `create`
 * permission; update/delete permissions are checked when the commit replays the operation.
 */
export const transactional = (flavor: Flavor, action: StagedAction, handler: Handler): Handler => async (ctx) => {
  const transactionId = ctx.params.transactionId
  if (typeof transactionId !== 'string' || transactionId === '') return handler(ctx)
  const { collection } = await loadTarget(ctx, flavor)
  const t = await findTransaction(ctx, transactionId)
  if (!t) throw notPending()
  assertStageable(ctx, t, 1)
  const bulkCreate = action === 'create' && Array.isArray(ctx.params[flavor.param.documents]) && (ctx.params[flavor.param.documents] as unknown[]).length > 0
  const base = { databaseId: collection.databaseId, collectionId: collection.$id }
  const staged = bulkCreate ? 'bulkCreate' : action
  const plan = () => planOf(ctx, flavor, collection, staged, base)
  // Only a write on one existing document needs the data as the transaction sees it (its preview, its
  // existence); creates and bulk calls check nothing there, so the staged log is not replayed for them.
  const planned = ON_DOCUMENT.has(staged) ? await withStaged(ctx, t, plan) : await plan()
  await appendOperations(ctx, t.$id, [planned.op])
  return planned.answer()
}

const planOf = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, action: StagedAction, base: Pick<Staged, 'databaseId' | 'collectionId'>): Promise<Plan> => {
  const list = (total: number) => () => reply({ status: action === 'bulkCreate' ? 201 : 200, body: { total, [flavor.names.documents]: [] } })
  const items = ctx.params[flavor.param.documents]
  switch (action) {
    case 'bulkCreate':
    case 'bulkUpsert': {
      if (action === 'bulkCreate' && !ctx.caller.key) throw new AppwriteError('general_unauthorized_scope')
      const docs = Array.isArray(items) ? items : []
      return { op: { ...base, action, data: docs }, answer: list(docs.length) }
    }
    case 'bulkUpdate':
      return { op: { ...base, action, data: { queries: ctx.params.queries ?? [], data: dataOf(ctx) } }, answer: list(0) }
    case 'bulkDelete':
      return { op: { ...base, action, data: { queries: ctx.params.queries ?? [] } }, answer: list(0) }
    case 'create': {
      const data = dataOf(ctx)
      if (Object.keys(data).length === 0) throw flavor.error('document_missing_data')
      const id = resolveId(checkCustomId(flavor.param.document, ctx.params[flavor.param.document]), ctx.newId)
      const given = permissionsParam(ctx)
      const permissions = createPermissions(ctx)
      assertCollectionCreate(ctx.caller, collection)
      const doc = unstored({ ...stripInput(flavor, data, !!ctx.caller.key), $id: id, $permissions: permissions })
      return {
        op: { ...base, action, documentId: id, data: given ? { ...data, $permissions: given } : data },
        answer: () => reply({ status: 201, body: renderDocument(flavor, collection, doc) }),
      }
    }
    default:
      return planOnDocument(ctx, flavor, collection, action, base)
  }
}

/** Update, upsert, delete, increment, decrement: previewed against the document as the transaction sees it. */
const planOnDocument = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, action: StagedAction, base: Pick<Staged, 'databaseId' | 'collectionId'>): Promise<Plan> => {
  const upsert = action === 'upsert'
  const rawId = ctx.params[flavor.param.document]
  const id = upsert ? resolveId(checkCustomId(flavor.param.document, rawId), ctx.newId) : checkUid(flavor.param.document, rawId)
  const data = dataOf(ctx)
  const permissions = action === 'update' || upsert ? permissionsParam(ctx) : undefined
  if ((action === 'update' || upsert) && Object.keys(data).length === 0 && permissions === undefined) throw flavor.error('document_missing_payload')
  const current = await findDocument(documentsTable(ctx), collection, id)
  if (!current && !upsert) throw flavor.error('document_not_found', { param: id })
  const op: Staged = { ...base, action, documentId: id, data: permissions ? { ...data, $permissions: permissions } : data }
  const render = (doc: Doc, status = 200) => () => reply({ status, body: renderDocument(flavor, collection, doc) })
  if (action === 'delete') return { op: { ...op, data: {} }, answer: () => reply({ status: 204 }) }
  if (action === 'increment' || action === 'decrement') return planAdjust(ctx, flavor, collection, op, current as Doc)
  const merged: Doc = { ...(current ?? unstored({ $id: id })), ...stripInput(flavor, data, !!ctx.caller.key) }
  merged.$permissions = permissions ?? current?.$permissions ?? createPermissions(ctx)
  if (!current) assertCollectionCreate(ctx.caller, collection)
  return { op, answer: render(merged, upsert ? 201 : 200) }
}

const planAdjust = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, op: Staged, doc: Doc): Plan => {
  const sign = op.action === 'increment' ? 1 : -1
  const key = String(ctx.params[flavor.param.attribute])
  const value = ctx.params.value ?? 1
  if (typeof value !== 'number' || !(value > 0)) throw invalidParam('value', 'Value must be numeric and greater than 0')
  const attr = collection.attributes.find((a) => a.key === key)
  if (!attr || !isNumberAttribute(attr)) throw notANumber(flavor, key)
  const bound = sign > 0 ? ctx.params.max : ctx.params.min
  const data = { attribute: key, value, [sign > 0 ? 'max' : 'min']: bound ?? null }
  const preview = { ...doc, [key]: Number(doc[key] ?? 0) + sign * value }
  return { op: { ...op, data }, answer: () => reply({ status: 200, body: renderDocument(flavor, collection, preview) }) }
}
