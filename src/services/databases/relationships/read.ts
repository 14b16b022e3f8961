import type { RequestContext } from '../../../engine/context.js'
import { collationKey } from '../../../query/collation.js'
import { mayDocument } from '../access.js'
import { type Doc, documentsTable } from '../documents/store.js'
import type { Flavor } from '../flavor.js'
import type { CollectionRecord } from '../records.js'
import { renderDocument } from '../render.js'
import { MAX_DEPTH, hasRelations, isManySide, linksOf, relatedCollection } from './model.js'

export interface LoadOptions {
  /** Load every relationship (write responses), not only the selected ones. */
  full?: boolean
  depth?: number
  /** The back-reference key to leave out of nested documents (twoWay relationships). */
  omit?: string
}

/** Documents of a collection by ID, in one index query. */
const byIds = async (ctx: RequestContext, collection: CollectionRecord, ids: string[]): Promise<Map<string, Doc>> => {
  const rows = await documentsTable(ctx).where('k').anyOf(ids.map((id) => [collection.cid, collationKey(id)])).toArray()
  return new Map(rows.map((row) => [String(row.d.$id).toLowerCase(), row.d]))
}

/**
 * Renders documents with their relationships loaded where asked (API 1.8+): `select(['rel.*'])`, `rel.field`,
 * nested `rel.sub.*` paths (three levels at most), or every relationship for write responses. Related
 * documents the caller may not read are left out (null on a single side). Unloaded sides render as
 * `renderDocument` does (the related ID on a single side, nothing on a list side).
 */
export const renderWithRelations = async (
  ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, docs: Doc[], selects: readonly string[] | undefined, options: LoadOptions = {},
): Promise<Record<string, unknown>[]> => {
  const depth = options.depth ?? 1
  const out = docs.map((doc) => renderDocument(flavor, collection, doc, selects))
  if (options.omit) for (const o of out) delete o[options.omit]
  if (!hasRelations(collection)) return out
  for (const attr of collection.attributes) {
    if (attr.type !== 'relationship' || attr.status !== 'available' || attr.key === options.omit) continue
    const paths = (selects ?? []).filter((s) => s.startsWith(`${attr.key}.`)).map((s) => s.slice(attr.key.length + 1))
    if (!options.full && paths.length === 0) continue
    if (depth >= MAX_DEPTH) {
      for (const o of out) delete o[attr.key]
      continue
    }
    const related = await relatedCollection(ctx, collection, attr)
    if (!related) continue
    const wanted = [...new Set(docs.flatMap((d) => linksOf(d, attr.key)))]
    const found = await byIds(ctx, related, wanted)
    const readable = [...found.values()].filter((d) => mayDocument(ctx.caller, related, d, 'read'))
    const nestedSelects = options.full ? undefined : paths
    const rendered = await renderWithRelations(ctx, flavor, related, readable, nestedSelects, {
      full: options.full, depth: depth + 1, omit: attr.twoWay ? attr.twoWayKey : undefined,
    })
    const byId = new Map(readable.map((d, i) => [String(d.$id).toLowerCase(), rendered[i]]))
    docs.forEach((doc, i) => {
      const linked = linksOf(doc, attr.key).map((id) => byId.get(id.toLowerCase())).filter((d) => d !== undefined)
      out[i][attr.key] = isManySide(attr) ? linked : (linked[0] ?? null)
    })
  }
  return out
}

/** What a create, update or upsert answers: the document, with every relationship loaded when it has any. */
export const renderWritten = async (ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, doc: Doc) =>
  hasRelations(collection) ? (await renderWithRelations(ctx, flavor, collection, [doc], undefined, { full: true }))[0] : renderDocument(flavor, collection, doc)
