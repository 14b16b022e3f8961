import { defaultOwnerPermissions } from '../../../auth/permissions.js'
import { type RequestContext, reply } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { formatDate } from '../../../util/time.js'
import { checkCustomId, checkUid, resolveId } from '../../common/validators.js'
import { assertCollectionCreate, mayDocument } from '../access.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import type { CollectionRecord } from '../records.js'
import { renderDocument } from '../render.js'
import { applyDefaults, stripInput, validateStructure } from '../structure.js'
import { changes, checkTimestamp, deferred, sameValue } from './change.js'
import { insertDocuments, newDocument } from './create.js'
import { permissionsParam } from './permissions.js'
import { refuseTransaction } from './read.js'
import { type Doc, announceDocument, documentsTable, findDocument, saveDocuments } from './store.js'

const dataParam = (ctx: RequestContext): Doc =>
  typeof ctx.params.data === 'object' && ctx.params.data !== null && !Array.isArray(ctx.params.data) ? (ctx.params.data as Doc) : {}

/**
 * Saves a changed document (or, when nothing changed, only checks read access): the permission rule first,
 * then the structure, as `Database::updateDocument` orders them. Returns what the response shows.
 */
const commit = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, old: Doc, merged: Doc, action: string) => {
  applyDefaults(collection.attributes, merged)
  const checked = deferred(() => validateStructure(flavor, collection, merged))
  const next = checked.value ?? merged
  const changed = changes(old, next)
  if (!mayDocument(ctx.caller, collection, old, changed ? 'update' : 'read')) throw new AppwriteError('user_unauthorized')
  if (checked.error) throw checked.error
  if (changed && !(ctx.caller.key && merged.$updatedAt !== old.$updatedAt)) next.$updatedAt = formatDate(ctx.now)
  await ctx.store.write(async (w) => {
    if (changed) await saveDocuments(w, flavor, collection, [next])
    announceDocument(w, ctx, flavor, collection, next, action)
  })
  return renderDocument(flavor, collection, next)
}

/**
 * `PATCH …/documents/<id>`: a shallow merge of `data`; `permissions` replaces the set, omitted keeps it. A
 * document that exists but may not be updated is 401 (only a missing one is 404).
 */
export const updateDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  refuseTransaction(ctx)
  const { collection } = await loadTarget(ctx, flavor)
  const id = checkUid(flavor.param.document, ctx.params[flavor.param.document])
  const data = dataParam(ctx)
  const permissions = permissionsParam(ctx)
  if (Object.keys(data).length === 0 && permissions === undefined) throw flavor.error('document_missing_payload')
  const old = await findDocument(documentsTable(ctx), collection, id)
  if (!old) throw flavor.error('document_not_found', { param: id })
  checkTimestamp(ctx, flavor, old)
  const merged: Doc = { ...old, ...stripInput(flavor, data, !!ctx.caller.key), $permissions: permissions ?? old.$permissions }
  return commit(ctx, flavor, collection, old, merged, 'update')
}

/**
 * `PUT …/documents/<id>`: creates the document (collection `create` permission) or replaces it (update
 * rule). Optional attributes left out keep their values; required ones must be sent every time. Answers 200.
 */
export const upsertDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  refuseTransaction(ctx)
  const { collection } = await loadTarget(ctx, flavor)
  const id = resolveId(checkCustomId(flavor.param.document, ctx.params[flavor.param.document]), ctx.newId)
  const data = dataParam(ctx)
  const permissions = permissionsParam(ctx)
  if (Object.keys(data).length === 0 && permissions === undefined) throw flavor.error('document_missing_payload')
  const old = await findDocument(documentsTable(ctx), collection, id)
  if (!old) {
    assertCollectionCreate(ctx.caller, collection)
    const doc = newDocument(ctx, flavor, collection, id, data, permissions ?? defaultOwnerPermissions(ctx.caller))
    await insertDocuments(ctx, flavor, collection, [doc], 'upsert')
    return reply({ status: 200, body: renderDocument(flavor, collection, doc) })
  }
  const input = stripInput(flavor, data, !!ctx.caller.key)
  const attributes = collection.attributes.filter((a) => a.status === 'available')
  // Appwrite writes nothing when the payload repeats every attribute and the permissions.
  const unchanged =
    attributes.every((a) => a.key in input && sameValue(input[a.key], old[a.key])) &&
    (permissions === undefined || sameValue(permissions, old.$permissions))
  if (unchanged) return reply({ status: 200, body: renderDocument(flavor, collection, old) })
  const kept: Doc = {}
  for (const a of attributes) if (!a.required && old[a.key] !== undefined) kept[a.key] = old[a.key]
  const merged: Doc = {
    $id: old.$id, $sequence: old.$sequence, $createdAt: old.$createdAt, $updatedAt: old.$updatedAt,
    $permissions: permissions ?? old.$permissions, ...kept, ...input,
  }
  const body = await commit(ctx, flavor, collection, old, merged, 'upsert')
  return reply({ status: 200, body })
}
