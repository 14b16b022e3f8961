import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError, invalidParam } from '../../../errors/index.js'
import { errorCatalog } from '../../../generated/errors.js'
import { formatDate } from '../../../util/time.js'
import { checkUid } from '../../common/validators.js'
import { mayDocument } from '../access.js'
import { isNumberAttribute } from '../attributes/kinds.js'
import type { Flavor } from '../flavor.js'
import { loadTarget } from '../lookup.js'
import { renderDocument } from '../render.js'
import { announceDocument, documentsTable, findDocument, saveDocuments } from './store.js'

/** The increment routes' refusal of a non-numeric attribute (`databases "x" is not a number`, TablesDB's too). */
export const notANumber = (flavor: Flavor, key: string) =>
  new AppwriteError('attribute_type_invalid', { message: `${flavor.apiName} "${key}" is not a number` })

/**
 * `PATCH …/<id>/<attribute>/increment` (and decrement): adds `value` (> 0) to a numeric attribute, refusing
 * to pass `max` (`min`). Needs update permission only.
 * @note Appwrite quirks kept: a missing document or attribute is 404 with a literal `%s` in the message; the
 * response shows the new value with the previous `$updatedAt`; a NULL stays NULL in storage.
 */
export const adjustDocument = (flavor: Flavor, sign: 1 | -1) => async (ctx: RequestContext) => {
  const { collection } = await loadTarget(ctx, flavor)
  const id = checkUid(flavor.param.document, ctx.params[flavor.param.document])
  const key = String(ctx.params[flavor.param.attribute])
  const value = ctx.params.value ?? 1
  if (typeof value !== 'number' || !(value > 0)) throw invalidParam('value', 'Value must be numeric and greater than 0')
  const bound = sign > 0 ? ctx.params.max : ctx.params.min
  const attr = collection.attributes.find((a) => a.key === key)
  // Read and write in one transaction: concurrent increments of one document must all count.
  return ctx.store.write(async (w) => {
    const doc = await findDocument(documentsTable(ctx), collection, id)
    if (!attr || !doc) {
      const type = flavor.api === 'tablesdb' ? 'column_not_found' : 'attribute_not_found'
      throw new AppwriteError(type, { message: errorCatalog[type][1] })
    }
    if (!isNumberAttribute(attr)) throw notANumber(flavor, key)
    if (!mayDocument(ctx.caller, collection, doc, 'update')) throw new AppwriteError('user_unauthorized')
    const current = doc[key]
    const result = Number(current ?? 0) + sign * value
    if (typeof bound === 'number' && (sign > 0 ? result > bound : result < bound)) {
      throw flavor.error('attribute_limit_exceeded', {
        message: `${flavor.apiName} "${key}" has reached the ${sign > 0 ? 'maximum' : 'minimum'} value of ${bound}`,
      })
    }
    const stored: Record<string, unknown> = { ...doc, $updatedAt: formatDate(ctx.now) }
    if (current !== null && current !== undefined) stored[key] = result
    await saveDocuments(w, flavor, collection, [stored])
    announceDocument(w, ctx, flavor, collection, stored, 'update')
    return renderDocument(flavor, collection, { ...doc, [key]: result })
  })
}
