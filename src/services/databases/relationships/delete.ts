import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { mayDocument } from '../access.js'
import { type Doc, announceDocument, deleteDocuments, documentsTable, findDocument, saveDocuments } from '../documents/store.js'
import type { Flavor } from '../flavor.js'
import type { AttributeRecord, CollectionRecord } from '../records.js'
import { otherSide, withoutLink } from './links.js'
import { RELATION_STORES, isManySide, linksOf, relatedCollection, relationsOf } from './model.js'

/** Whether `onDelete: restrict` forbids deleting a document that still has links on this side. */
const restricts = (attr: AttributeRecord): boolean =>
  (attr.side === 'parent' && attr.relationType !== 'manyToOne') || (attr.side === 'child' && attr.relationType === 'manyToOne')

/** Whether `onDelete: cascade` deletes the documents linked on this side (otherwise they are only unlinked). */
const cascades = (attr: AttributeRecord): boolean => {
  switch (attr.relationType) {
    case 'oneToOne':
      return true
    case 'manyToOne':
      return attr.side === 'child'
    default:
      return attr.side === 'parent'
  }
}

/**
 * What deleting `doc` does to its relationships, inside the caller's write (utopia-php/database's
 * `deleteRestrict` / `deleteSetNull` / `deleteCascade`): restrict refuses with 403 while links remain (not from
 * a manyToOne parent), setNull clears the links back, cascade deletes the related documents too — under the
 * caller's permissions, recursively, each document once.
 */
export const deleteRelations = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, doc: Doc, seen = new Set<string>()): Promise<void> => {
  seen.add(`${collection.cid}/${String(doc.$id).toLowerCase()}`)
  await ctx.store.write(async (w) => {
    for (const attr of relationsOf(collection)) {
      const ids = linksOf(doc, attr.key)
      if (ids.length === 0) continue
      if (attr.onDelete === 'restrict' && restricts(attr)) throw flavor.error('document_delete_restricted')
      const related = await relatedCollection(ctx, collection, attr)
      if (!related) continue
      const back = otherSide(attr)
      for (const id of ids) {
        const far = await findDocument(documentsTable(ctx), related, id)
        if (!far || seen.has(`${related.cid}/${id.toLowerCase()}`)) continue
        if (attr.onDelete === 'cascade' && cascades(attr)) {
          if (!mayDocument(ctx.caller, related, far, 'delete')) throw new AppwriteError('user_unauthorized')
          await deleteRelations(ctx, flavor, related, far, seen)
          await deleteDocuments(w, related, [far])
          announceDocument(w, ctx, flavor, related, far, 'delete')
        } else {
          await saveDocuments(w, flavor, related, [withoutLink(far, back.key, String(doc.$id), isManySide(back))])
        }
      }
    }
  }, { stores: RELATION_STORES })
}
