import { defaultOwnerPermissions } from '../../../auth/permissions.js'
import { type RequestContext, reply } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { formatDate } from '../../../util/time.js'
import { checkCustomId, checkUid, resolveId } from '../../common/validators.js'
import { assertCollectionCreate, mayDocument } from '../access.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import type { CollectionRecord } from '../records.js'
import { applyDefaults, stripInput, validateStructure } from '../structure.js'
import { changes, checkTimestamp, deferred, sameValue } from './change.js'
import { insertDocuments, newDocument } from './create.js'
import { permissionsParam } from './permissions.js'
import { DOCUMENTS_STORE } from '../../../query/dexie/index.js'
import { type Operation, operatorResults, readOperators } from '../operators/index.js'
import { documentStores, } from '../relationships/model.js'
import { renderWritten } from '../relationships/read.js'
import { type RelationInput, splitRelations, writeRelations } from '../relationships/write.js'
import { type Doc, announceDocument, documentsTable, findDocument, saveDocuments } from './store.js'

const dataParam = (ctx: RequestContext): Doc =>
  typeof ctx.params.data === 'object' && ctx.params.data !== null && !Array.isArray(ctx.params.data) ? (ctx.params.data as Doc) : {}

/**
 * Saves a changed document (or, when nothing changed, only checks read access): the permission rule first,
 * then the structure, as `Database::updateDocument` orders them. Returns what the response shows.
 */
const commit = async (
  ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, old: Doc, merged: Doc, action: string,
  operators: Map<string, Operation>, relations: RelationInput[],
) => {
  applyDefaults(collection.attributes, merged)
  const checked = deferred(() => validateStructure(flavor, collection, merged))
  // Operators are checked against the stored values and applied after the structure check, as Appwrite's
  // database applies them in SQL; any operator counts as a change.
  const results = checked.error ? {} : operatorResults(flavor, collection, operators, old, ctx.now)
  const next = { ...(checked.value ?? merged), ...results }
  if (!checked.error) await writeRelations(ctx, flavor, collection, next, old, relations)
  const changed = operators.size > 0 || changes(old, next)
  if (!mayDocument(ctx.caller, collection, old, changed ? 'update' : 'read')) throw new AppwriteError('user_unauthorized')
  if (checked.error) throw checked.error
  if (changed && !(ctx.caller.key && merged.$updatedAt !== old.$updatedAt)) next.$updatedAt = formatDate(ctx.now)
  await ctx.store.write(async (w) => {
    if (changed) await saveDocuments(w, flavor, collection, [next])
    announceDocument(w, ctx, flavor, collection, next, action)
  }, { stores: [DOCUMENTS_STORE] })
  return renderWritten(ctx, flavor, collection, next)
}

/** Reads and writes in one transaction, so concurrent operators (and updates) never lose a write. */
const atomically = <T>(ctx: RequestContext, collection: CollectionRecord, work: () => Promise<T>) =>
  ctx.store.write(work, { stores: documentStores(collection) })

/**
 * `PATCH …/documents/<id>`: a shallow merge of `data`; `permissions` replaces the set, omitted keeps it. A
 * document that exists but may not be updated is 401 (only a missing one is 404).
 */
export const updateDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  const id = checkUid(flavor.param.document, ctx.params[flavor.param.document])
  const data = dataParam(ctx)
  const permissions = permissionsParam(ctx)
  if (Object.keys(data).length === 0 && permissions === undefined) throw flavor.error('document_missing_payload')
  const { plain: values, operators } = readOperators(collection, data)
  const { plain, relations } = splitRelations(flavor, collection, values)
  return atomically(ctx, collection, async () => {
    const old = await findDocument(documentsTable(ctx), collection, id)
    if (!old) throw flavor.error('document_not_found', { param: id })
    checkTimestamp(ctx, flavor, old)
    const merged: Doc = { ...old, ...stripInput(flavor, plain, !!ctx.caller.key), $permissions: permissions ?? old.$permissions }
    return commit(ctx, flavor, collection, old, merged, 'update', operators, relations)
  })
}

/**
 * `PUT …/documents/<id>`: creates the document (collection `create` permission) or replaces it (update
 * rule). Optional attributes left out keep their values; required ones must be sent every time. Answers 200.
 */
export const upsertDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  const id = resolveId(checkCustomId(flavor.param.document, ctx.params[flavor.param.document]), ctx.newId)
  const data = dataParam(ctx)
  const permissions = permissionsParam(ctx)
  if (Object.keys(data).length === 0 && permissions === undefined) throw flavor.error('document_missing_payload')
  const { plain: values, operators } = readOperators(collection, data)
  const { plain, relations } = splitRelations(flavor, collection, values)
  return atomically(ctx, collection, async () => {
    const old = await findDocument(documentsTable(ctx), collection, id)
    if (!old) {
      assertCollectionCreate(ctx.caller, collection)
      const fresh = newDocument(ctx, flavor, collection, id, plain, permissions ?? defaultOwnerPermissions(ctx.caller))
      // On a new document, operators start from the defaults (NULL as 0, '', false or []).
      const doc = { ...fresh, ...operatorResults(flavor, collection, operators, fresh, ctx.now) }
      await writeRelations(ctx, flavor, collection, doc, undefined, relations)
      await insertDocuments(ctx, flavor, collection, [doc], 'upsert')
      return reply({ status: 200, body: await renderWritten(ctx, flavor, collection, doc) })
    }
    const input = stripInput(flavor, plain, !!ctx.caller.key)
    const attributes = collection.attributes.filter((a) => a.status === 'available')
    // Appwrite writes nothing when the payload repeats every attribute and the permissions (and has no operator).
    const unchanged =
      operators.size === 0 && relations.length === 0 &&
      attributes.every((a) => a.key in input && sameValue(input[a.key], old[a.key])) &&
      (permissions === undefined || sameValue(permissions, old.$permissions))
    if (unchanged) return reply({ status: 200, body: await renderWritten(ctx, flavor, collection, old) })
    const kept: Doc = {}
    for (const a of attributes) if (!a.required && old[a.key] !== undefined) kept[a.key] = old[a.key]
    // A required attribute changed by an operator counts as sent.
    for (const key of operators.keys()) if (old[key] !== undefined && !(key in input)) kept[key] = old[key]
    const merged: Doc = {
      $id: old.$id, $sequence: old.$sequence, $createdAt: old.$createdAt, $updatedAt: old.$updatedAt,
      $permissions: permissions ?? old.$permissions, ...kept, ...input,
    }
    const body = await commit(ctx, flavor, collection, old, merged, 'upsert', operators, relations)
    return reply({ status: 200, body })
  })
}
