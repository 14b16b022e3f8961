import { assertGrantable, normalizePermissions } from '../../../auth/permissions.js'
import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { CUSTOM_ID } from '../../../util/id.js'
import { KEY_RULE } from '../../common/validators.js'
import { formatDate } from '../../../util/time.js'
import { assertCollectionCreate, mayDocument } from '../access.js'
import { insertDocuments, newDocument } from '../documents/create.js'
import { type Doc, announceDocument, documentsTable, findDocument, saveDocuments } from '../documents/store.js'
import type { Flavor } from '../flavor.js'
import type { AttributeRecord, CollectionRecord } from '../records.js'
import { applyDefaults, stripInput, validateStructure } from '../structure.js'
import { relink } from './links.js'
import { MAX_DEPTH, RELATION_STORES, isManySide, linksOf, relatedCollection } from './model.js'
import { isRecord, phpType } from '../../../util/values.js'

export interface RelationInput {
  attr: AttributeRecord
  value: unknown
}


const invalid = (flavor: Flavor, message: string) => flavor.error('relationship_value_invalid', { message: `Invalid relationship value. ${message}` })

/** Checks a relationship value's shape for its side: an ID, a document or null; or a list of them. */
const checkShape = (flavor: Flavor, attr: AttributeRecord, value: unknown): void => {
  if (isManySide(attr)) {
    if (value === null || Array.isArray(value)) return
    const given = isRecord(value) ? 'document' : typeof value === 'string' ? 'document ID' : phpType(value)
    throw invalid(flavor, `Must be either an array of documents or document IDs, ${given} given.`)
  }
  if (value === null || typeof value === 'string' || isRecord(value)) return
  throw invalid(flavor, `Must be either a document ID or a document, ${Array.isArray(value) ? 'array' : phpType(value)} given.`)
}

/** Takes relationship values out of write data (the rest goes through the ordinary checks). */
export const splitRelations = (flavor: Flavor, collection: CollectionRecord, data: Doc): { plain: Doc; relations: RelationInput[] } => {
  const plain: Doc = {}
  const relations: RelationInput[] = []
  for (const [key, value] of Object.entries(data)) {
    const attr = collection.attributes.find((a) => a.key === key && a.type === 'relationship' && a.status === 'available')
    if (!attr) {
      plain[key] = value
      continue
    }
    checkShape(flavor, attr, value)
    relations.push({ attr, value })
  }
  return { plain, relations }
}

/**
 * Writes `doc`'s relationship values (inside the caller's write): nested documents are created (no `$id`, or
 * an unknown one) or updated (a known `$id`) in the related collection under the caller's permissions, IDs
 * are linked, and both ends are kept consistent. Sets the link fields on `doc`; the caller saves it.
 * @note A many side silently ignores IDs of documents that do not exist or cannot be read; a single side keeps
 * the ID as given (a dangling key), as Appwrite's foreign key column does. Levels past the third are dropped.
 */
export const writeRelations = async (
  ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, doc: Doc, old: Doc | undefined, relations: RelationInput[], depth = 1,
): Promise<void> => {
  if (relations.length === 0) return
  await ctx.store.write(async (w) => {
    for (const { attr, value } of relations) {
      if (depth > MAX_DEPTH) continue
      const related = await relatedCollection(ctx, collection, attr)
      if (!related) continue
      const many = isManySide(attr)
      const items = value === null ? [] : Array.isArray(value) ? value : [value]
      const ids: string[] = []
      for (const item of items) {
        const id = isRecord(item)
          ? await writeNested(ctx, flavor, related, item, doc.$permissions as string[], depth)
          : await linkable(ctx, flavor, related, item, many)
        if (id !== undefined && !ids.includes(id)) ids.push(id)
      }
      await relink(ctx, w, flavor, collection, related, attr, String(doc.$id), linksOf(old, attr.key), ids)
      doc[attr.key] = many ? ids : (ids[0] ?? null)
    }
  }, { stores: RELATION_STORES })
}

/** An ID to link: a many side keeps only existing, readable documents; a single side keeps any valid ID. */
const linkable = async (ctx: RequestContext, flavor: Flavor, related: CollectionRecord, item: unknown, many: boolean): Promise<string | undefined> => {
  if (typeof item !== 'string') throw invalid(flavor, `Must be either a document ID or a document, ${phpType(item)} given.`)
  if (!CUSTOM_ID.test(item)) {
    throw flavor.error('relationship_value_invalid', { message: KEY_RULE })
  }
  if (!many) return item
  const found = await findDocument(documentsTable(ctx), related, item)
  return found && mayDocument(ctx.caller, related, found, 'read') ? String(found.$id) : undefined
}

/** Creates or updates a nested related document; returns its ID. Without `$permissions` it inherits the parent's. */
const writeNested = async (ctx: RequestContext, flavor: Flavor, related: CollectionRecord, item: Doc, inherited: string[], depth: number): Promise<string> => {
  const rawId = item.$id
  const id = rawId === undefined || rawId === null || rawId === 'unique()' ? ctx.newId() : String(rawId)
  if (!CUSTOM_ID.test(id)) throw flavor.error('relationship_value_invalid', { message: `Invalid document ID: ${id}` })
  let permissions: string[] | undefined
  if (item.$permissions !== undefined && item.$permissions !== null) {
    permissions = normalizePermissions('permissions', item.$permissions, ['read', 'update', 'delete'])
    assertGrantable(ctx.caller, permissions)
  }
  const { plain, relations } = splitRelations(flavor, related, item)
  const existing = await findDocument(documentsTable(ctx), related, id)
  if (!existing) {
    assertCollectionCreate(ctx.caller, related)
    const created = newDocument(ctx, flavor, related, id, plain, permissions ?? inherited)
    await writeRelations(ctx, flavor, related, created, undefined, relations, depth + 1)
    await insertDocuments(ctx, flavor, related, [created])
    return id
  }
  if (!mayDocument(ctx.caller, related, existing, 'update')) throw new AppwriteError('user_unauthorized')
  const merged: Doc = { ...existing, ...stripInput(flavor, plain, !!ctx.caller.key), $permissions: permissions ?? existing.$permissions }
  applyDefaults(related.attributes, merged)
  const next = { ...validateStructure(flavor, related, merged), $updatedAt: formatDate(ctx.now) }
  await writeRelations(ctx, flavor, related, next, existing, relations, depth + 1)
  await ctx.store.write(async (w) => {
    await saveDocuments(w, flavor, related, [next])
    announceDocument(w, ctx, flavor, related, next, 'update')
  }, { stores: RELATION_STORES })
  return String(existing.$id)
}
