import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { formatDate } from '../../../util/time.js'
import { checkCustomId, resolveId } from '../../common/validators.js'
import { assertCollectionCreate } from '../access.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import type { CollectionRecord } from '../records.js'
import { renderDocument } from '../render.js'
import { applyDefaults, stripInput, validateStructure } from '../structure.js'
import { createPermissions, itemPermissions } from './permissions.js'
import { refuseBulk } from '../relationships/bulk.js'
import { hasRelations } from '../relationships/model.js'
import { renderWritten } from '../relationships/read.js'
import { splitRelations, writeRelations } from '../relationships/write.js'
import { writeNewDocuments } from './insert-write.js'
import { type Doc, documentsTable, existingIds, findDocument } from './store.js'
import { isRecord } from '../../../util/values.js'

export const BATCH_LIMIT = 100

/** Builds a new document: system fields, defaults, structure check (keys may set `$createdAt`/`$updatedAt`). */
export const newDocument = (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, id: string, data: Doc, permissions: string[]): Doc => {
  const now = formatDate(ctx.now)
  const privileged = !!ctx.caller.key
  const doc: Doc = { $id: id, $permissions: permissions, $createdAt: now, $updatedAt: now, ...stripInput(flavor, data, privileged) }
  applyDefaults(collection.attributes, doc)
  return validateStructure(flavor, collection, doc)
}

/** Inserts new documents with fresh sequences; an existing ID is 409 `document_already_exists`. */
export const insertDocuments = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, docs: Doc[], action = 'create') => {
  const ids = new Set<string>()
  for (const doc of docs) {
    const id = String(doc.$id).toLowerCase()
    if (ids.has(id)) throw flavor.error('document_already_exists', { param: String(doc.$id) })
    ids.add(id)
  }
  try {
    await writeNewDocuments(ctx, flavor, collection, docs, action)
  } catch (error) {
    // The `k` index is unique too: a collision there is an ID that exists (checked only when a write fails).
    if ((error as AppwriteError).type?.endsWith('_unique_constraint_violation')) {
      const taken = await existingIds(documentsTable(ctx), collection, docs.map((d) => String(d.$id)))
      if (taken.length) throw flavor.error('document_already_exists', { param: taken[0] })
    }
    throw error
  }
  return docs
}

/** Bulk create (`documents`/`rows`): API keys only; each item may carry `$id` and `$permissions`. */
const createMany = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, items: unknown[]) => {
  if (!ctx.caller.key) throw new AppwriteError('general_unauthorized_scope')
  refuseBulk(flavor, collection, 'create')
  if (items.length > BATCH_LIMIT || !items.every(isRecord)) {
    throw invalidParam(flavor.param.documents, `Value must a valid array no longer than ${BATCH_LIMIT} items and Value must be a valid object.`)
  }
  const docs = (items as Doc[]).map((item) => {
    const id = item.$id === undefined ? ctx.newId() : resolveId(checkCustomId('$id', item.$id), ctx.newId)
    return newDocument(ctx, flavor, collection, id, item, itemPermissions(item.$permissions) ?? [])
  })
  await insertDocuments(ctx, flavor, collection, docs)
  return { total: docs.length, [flavor.names.documents]: docs.map((d) => renderDocument(flavor, collection, d)) }
}

/**
 * `POST …/documents` (`…/rows`): one document from `documentId` + `data`, or many from `documents`.
 * Needs the collection's `create` permission; the new document's permissions default to its creator.
 */
export const createDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  const data = ctx.params.data
  const items = ctx.params[flavor.param.documents]
  const hasData = isRecord(data) && Object.keys(data).length > 0
  const hasItems = Array.isArray(items) && items.length > 0
  if (hasData && hasItems) {
    throw new AppwriteError('general_bad_request', { message: `You can only send one of the following parameters: data, ${flavor.param.documents}` })
  }
  if (hasItems) {
    if (ctx.params[flavor.param.document]) {
      throw new AppwriteError('general_bad_request', {
        message: `Param "${flavor.param.document}" is not allowed when creating multiple ${flavor.names.documents}, set "$id" on each instead.`,
      })
    }
    return createMany(ctx, flavor, collection, items as unknown[])
  }
  if (!hasData) throw flavor.error('document_missing_data')
  const rawId = ctx.params[flavor.param.document]
  if (rawId === undefined || rawId === null || rawId === '') {
    throw flavor.error('document_missing_data', {
      message: `${flavor.noun} ID is required when creating a single ${flavor.noun.toLowerCase()}.`,
    })
  }
  const id = resolveId(checkCustomId(flavor.param.document, rawId), ctx.newId)
  const permissions = createPermissions(ctx)
  assertCollectionCreate(ctx.caller, collection)
  if (!hasRelations(collection)) {
    const doc = newDocument(ctx, flavor, collection, id, data as Doc, permissions)
    await insertDocuments(ctx, flavor, collection, [doc])
    return renderDocument(flavor, collection, doc)
  }
  // Related documents are written with it, in one transaction; the answer shows them loaded.
  const { plain, relations } = splitRelations(flavor, collection, data as Doc)
  const doc = newDocument(ctx, flavor, collection, id, plain, permissions)
  await ctx.store.write(async () => {
    if (await findDocument(documentsTable(ctx), collection, id)) throw flavor.error('document_already_exists', { param: id })
    await writeRelations(ctx, flavor, collection, doc, undefined, relations)
    await insertDocuments(ctx, flavor, collection, [doc])
  })
  return renderWritten(ctx, flavor, collection, doc)
}


