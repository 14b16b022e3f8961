import type { Writer } from '../../../store/write-path.js'
import { type Doc, findDocument, saveDocuments } from '../documents/store.js'
import { documentsTable } from '../documents/store.js'
import type { RequestContext } from '../../../engine/context.js'
import type { Flavor } from '../flavor.js'
import type { AttributeRecord, CollectionRecord } from '../records.js'
import { isManySide, linksOf } from './model.js'

/** The other end of a side: the same relationship seen from the related collection. */
export const otherSide = (attr: AttributeRecord): AttributeRecord => ({
  ...attr,
  key: String(attr.inverse),
  inverse: attr.key,
  side: attr.side === 'parent' ? 'child' : 'parent',
})

/** `doc` without the link to `id` in `field` (a list loses it, a single link to it becomes null). */
export const withoutLink = (doc: Doc, field: string, id: string, many: boolean): Doc =>
  many ? { ...doc, [field]: linksOf(doc, field).filter((x) => x !== id) } : doc[field] === id ? { ...doc, [field]: null } : doc

/** `doc` with a link to `id` in `field` (added to a list, or replacing a single link). */
export const withLink = (doc: Doc, field: string, id: string, many: boolean): Doc =>
  many ? { ...doc, [field]: [...new Set([...linksOf(doc, field), id])] } : { ...doc, [field]: id }

/**
 * Keeps the far end of a side consistent when `doc`'s links on it change from `before` to `after`: the related
 * documents gain or lose their link back. A related document whose single link pointed at another document
 * moves over (that document loses it); on a oneToOne that is a unique violation, as Appwrite's unique key is.
 * @note Done without permission checks, as Appwrite updates the related keys with authorization skipped.
 */
export const relink = async (
  ctx: RequestContext, w: Writer, flavor: Flavor, collection: CollectionRecord, related: CollectionRecord,
  attr: AttributeRecord, docId: string, before: string[], after: string[],
): Promise<void> => {
  const back = otherSide(attr)
  const backMany = isManySide(back)
  const table = documentsTable(ctx)
  for (const id of before.filter((x) => !after.includes(x))) {
    const far = await findDocument(table, related, id)
    if (far) await saveDocuments(w, flavor, related, [withoutLink(far, back.key, docId, backMany)])
  }
  for (const id of after.filter((x) => !before.includes(x))) {
    const far = await findDocument(table, related, id)
    if (!far) continue
    const previous = far[back.key]
    if (!backMany && typeof previous === 'string' && previous !== docId) {
      if (attr.relationType === 'oneToOne') throw flavor.error('document_unique_constraint_violation')
      const loser = await findDocument(table, collection, previous)
      if (loser) await saveDocuments(w, flavor, collection, [withoutLink(loser, attr.key, id, isManySide(attr))])
    }
    await saveDocuments(w, flavor, related, [withLink(far, back.key, docId, backMany)])
  }
}
