import type { RequestContext } from '../../../engine/context.js'
import { AppwriteError } from '../../../errors/index.js'
import type { Flavor } from '../flavor.js'
import type { Doc } from './store.js'

/** Strict value equality as Appwrite's change detection sees it (types matter, arrays element-wise). */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a as object)
  const kb = Object.keys(b as object)
  return ka.length === kb.length && ka.every((k) => sameValue((a as Doc)[k], (b as Doc)[k]))
}

/** Whether a write would change any stored field (ignoring `$updatedAt`, which only a change moves). */
export const changes = (before: Doc, after: Doc): boolean =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].some((k) => k !== '$updatedAt' && !sameValue(before[k], after[k]))

/**
 * `X-Appwrite-Timestamp` on a single update or delete: a document changed after that moment is a 409
 * `document_update_conflict` ("Remote document is newer than local.").
 */
export const checkTimestamp = (ctx: RequestContext, flavor: Flavor, doc: Doc): void => {
  const header = ctx.request.headers.get('x-appwrite-timestamp')
  if (!header) return
  const time = Date.parse(header)
  if (Number.isNaN(time)) throw new AppwriteError('general_argument_invalid', { message: 'Invalid X-Appwrite-Timestamp header value' })
  if (Date.parse(String(doc.$updatedAt)) > time) throw flavor.error('document_update_conflict')
}

/** Runs a structure check now but lets the caller raise its failure later (permissions are checked first). */
export const deferred = <T>(check: () => T): { value?: T; error?: unknown } => {
  try {
    return { value: check() }
  } catch (error) {
    return { error }
  }
}
