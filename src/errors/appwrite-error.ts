import { errorCatalog } from '../generated/errors.js'

export type ErrorType = keyof typeof errorCatalog | 'general_not_implemented' | 'project_id_missing'

/** Codes Appwrite passes through as HTTP statuses; any other becomes 500 (app/controllers/general.php). */
const PUBLIC_STATUSES = new Set([400, 401, 402, 403, 404, 405, 408, 409, 410, 412, 416, 422, 429, 451, 501, 503])

/**
 * The one error services throw. The envelope is built at the edge (see `toErrorResponse`).
 * @example throw new AppwriteError('user_not_found')
 * @example throw new AppwriteError('document_not_found', { param: documentId })
 */
export class AppwriteError extends Error {
  readonly type: ErrorType
  readonly code: number

  constructor(type: ErrorType, options: { message?: string; param?: string; code?: number; cause?: unknown } = {}) {
    const [code, text] = (errorCatalog as Record<string, readonly [number, string]>)[type] ?? [options.code ?? 500, type]
    super(options.message ?? text.replace('%s', options.param ?? ''), { cause: options.cause })
    this.name = 'AppwriteError'
    this.type = type
    this.code = options.code ?? code
  }

  get status(): number {
    return PUBLIC_STATUSES.has(this.code) ? this.code : 500
  }
}

/** `Invalid \`name\` param: <reason>`: the router's validation failure. */
export const invalidParam = (name: string, reason: string) =>
  new AppwriteError('general_argument_invalid', { message: `Invalid \`${name}\` param: ${reason}` })

export const missingParam = (name: string) =>
  new AppwriteError('general_argument_invalid', { message: `Param "${name}" is not optional.` })
