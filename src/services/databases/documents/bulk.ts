import type { RequestContext } from '../../../engine/context.js'
import { invalidParam } from '../../../errors/index.js'
import { formatDate } from '../../../util/time.js'
import { checkCustomId, resolveId } from '../../common/validators.js'
import { mayDocument } from '../access.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import type { CollectionRecord } from '../records.js'
import { renderDocument } from '../render.js'
import { applyDefaults, stripInput, validateStructure } from '../structure.js'
import { DOCUMENTS_STORE } from '../../../query/dexie/index.js'
import { operatorResults, readOperators } from '../operators/index.js'
import { refuseBulk } from '../relationships/bulk.js'
import { BATCH_LIMIT, newDocument } from './create.js'
import { itemPermissions } from './permissions.js'
import { documentQueries, findDocuments } from './read.js'
import { type Doc, announceDocument, deleteDocuments, documentsTable, findDocument, nextSequence, saveDocuments } from './store.js'
import { isRecord } from '../../../util/values.js'

const listOf = (flavor: Flavor, collection: CollectionRecord, docs: Doc[]) => ({
  total: docs.length,
  [flavor.names.documents]: docs.slice(0, BATCH_LIMIT).map((d) => renderDocument(flavor, collection, d)),
})

/** The documents matching `queries` that the caller may `type` (every match: `limit` in the queries caps it). */
const selectDocuments = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, type: 'update' | 'delete') => {
  const queries = documentQueries(ctx, collection)
  const { records } = await findDocuments(ctx, flavor, collection, queries, {
    total: false,
    defaultLimit: Number.MAX_SAFE_INTEGER,
    visible: (doc) => mayDocument(ctx.caller, collection, doc, type),
  })
  return records
}

/** `PATCH …/documents`: applies `data` (and `$permissions`) to every matching document, `$updatedAt` on each. */
export const updateDocuments = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  refuseBulk(flavor, collection, 'update')
  const data = isRecord(ctx.params.data) ? ctx.params.data : {}
  if (Object.keys(data).length === 0) throw flavor.error('document_missing_payload')
  const permissions = itemPermissions(data.$permissions)
  const { plain, operators } = readOperators(collection, data)
  const input = stripInput(flavor, plain, true)
  const now = formatDate(ctx.now)
  // Selected, computed and saved in one transaction: operators see the values they replace.
  return ctx.store.write(async (w) => {
    const docs = (await selectDocuments(ctx, flavor, collection, 'update')).map((old) => {
      const merged: Doc = { ...old, ...input, $permissions: permissions ?? old.$permissions, $updatedAt: input.$updatedAt ?? now }
      applyDefaults(collection.attributes, merged)
      return { ...validateStructure(flavor, collection, merged, true), ...operatorResults(flavor, collection, operators, old, ctx.now) }
    })
    await saveDocuments(w, flavor, collection, docs)
    for (const doc of docs) announceDocument(w, ctx, flavor, collection, doc, 'update')
    return listOf(flavor, collection, docs)
  }, { stores: [DOCUMENTS_STORE] })
}

/** `DELETE …/documents`: deletes every matching document; answers the count and the first 100. */
export const deleteManyDocuments = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  refuseBulk(flavor, collection, 'delete')
  const docs = await selectDocuments(ctx, flavor, collection, 'delete')
  await ctx.store.write(async (w) => {
    await deleteDocuments(w, collection, docs)
    for (const doc of docs) announceDocument(w, ctx, flavor, collection, doc, 'delete')
  })
  return listOf(flavor, collection, docs)
}

/** `PUT …/documents`: creates or replaces each item (`$id` optional, `$permissions` kept when omitted). */
export const upsertDocuments = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  refuseBulk(flavor, collection, 'upsert')
  const items = ctx.params[flavor.param.documents]
  if (!Array.isArray(items) || items.length > BATCH_LIMIT || !items.every(isRecord)) {
    throw invalidParam(flavor.param.documents, `Value must a valid array no longer than ${BATCH_LIMIT} items and Value must be a valid object.`)
  }
  const table = documentsTable(ctx)
  return ctx.store.write(async (w) => {
    const seen = new Set<string>()
    const prepared: Array<{ doc: Doc; old?: Doc }> = []
    for (const item of items as Doc[]) {
      const id = item.$id === undefined ? ctx.newId() : resolveId(checkCustomId('$id', item.$id), ctx.newId)
      if (seen.has(id.toLowerCase())) throw flavor.error('document_already_exists', { param: 'multiple' })
      seen.add(id.toLowerCase())
      const permissions = itemPermissions(item.$permissions)
      const { plain, operators } = readOperators(collection, item)
      const old = await findDocument(table, collection, id)
      if (!old) {
        const fresh = newDocument(ctx, flavor, collection, id, plain, permissions ?? [])
        prepared.push({ doc: { ...fresh, ...operatorResults(flavor, collection, operators, fresh, ctx.now) } })
        continue
      }
      const kept: Doc = {}
      for (const a of collection.attributes) if ((!a.required || operators.has(a.key)) && old[a.key] !== undefined) kept[a.key] = old[a.key]
      const merged: Doc = {
        $id: old.$id, $sequence: old.$sequence, $createdAt: old.$createdAt, $permissions: permissions ?? old.$permissions,
        ...kept, ...stripInput(flavor, plain, true), $updatedAt: (item.$updatedAt as string | undefined) ?? formatDate(ctx.now),
      }
      applyDefaults(collection.attributes, merged)
      const doc = { ...validateStructure(flavor, collection, merged), ...operatorResults(flavor, collection, operators, old, ctx.now) }
      prepared.push({ doc, old })
    }
    let seq = await nextSequence(w, collection.cid)
    for (const p of prepared) if (!p.old) p.doc.$sequence = seq++
    await saveDocuments(w, flavor, collection, prepared.map((p) => p.doc))
    for (const p of prepared) announceDocument(w, ctx, flavor, collection, p.doc, 'upsert')
    return listOf(flavor, collection, prepared.map((p) => p.doc))
  }, { stores: [DOCUMENTS_STORE] })
}
