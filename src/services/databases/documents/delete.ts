import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import { checkUid } from '../../common/validators.js'
import { mayDocument } from '../access.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import { deleteRelations } from '../relationships/delete.js'
import { hasRelations } from '../relationships/model.js'
import { checkTimestamp } from './change.js'
import { announceDocument, deleteDocuments, documentsTable, findDocument } from './store.js'

/** `DELETE …/documents/<id>`: 404 when missing, 401 when the caller may not delete it, else 204. */
export const deleteDocument = (flavor: Flavor) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  const id = checkUid(flavor.param.document, ctx.params[flavor.param.document])
  const doc = await findDocument(documentsTable(ctx), collection, id)
  if (!doc) throw flavor.error('document_not_found', { param: id })
  checkTimestamp(ctx, flavor, doc)
  if (!mayDocument(ctx.caller, collection, doc, 'delete')) throw new AppwriteError('user_unauthorized')
  await ctx.store.write(async (w) => {
    // onDelete rules first: a restricted relationship refuses, cascades and unlinks happen in this transaction.
    if (hasRelations(collection)) await deleteRelations(ctx, flavor, collection, doc)
    await deleteDocuments(w, collection, [doc])
    announceDocument(w, ctx, flavor, collection, doc, 'delete')
  })
  return undefined
}
