import { AppwriteError } from '../errors/index.js'
import { SERVER_VERSION } from '../formats/index.js'

const BIGINT_MARK = '\u0000bigint:'

/**
 * JSON with 64-bit integers written as bare digits, as the SDK's json-bigint expects to read them.
 */
export const stringifyJson = (value: unknown): string => {
  let sawBigint = false
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v !== 'bigint') return v
    sawBigint = true
    return `${BIGINT_MARK}${v}`
  })
  return sawBigint ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text
}

/** Headers every API answer carries, errors included (Appwrite's CORS and security headers). */
export const baseHeaders = (): Headers =>
  new Headers({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
    'Access-Control-Allow-Headers': '*',
    'Access-Control-Expose-Headers': 'X-Appwrite-Session, X-Fallback-Cookies, X-Appwrite-Warning',
    'X-Content-Type-Options': 'nosniff',
    'X-Powered-By': 'offwrite',
  })

export const jsonResponse = (status: number, body: unknown, headers: Headers = baseHeaders()): Response => {
  headers.set('Content-Type', 'application/json; charset=UTF-8')
  return new Response(stringifyJson(body), { status, headers })
}

/** A 204 has no body and no JSON content type: the SDK then resolves `{ message: '' }`. */
export const emptyResponse = (headers: Headers = baseHeaders()): Response => {
  headers.delete('Content-Type')
  return new Response(null, { status: 204, headers })
}

/** Appwrite's error envelope: `{message, code, type, version}` with its status and no-cache headers. */
export const errorResponse = (error: unknown, headers: Headers = baseHeaders()): Response => {
  const known =
    error instanceof AppwriteError
      ? error
      : new AppwriteError('general_unknown', { message: 'Server Error', cause: error })
  if (!(error instanceof AppwriteError)) console.error('[offwrite] unexpected error', error)
  headers.set('Cache-Control', 'no-cache, no-store, must-revalidate')
  headers.set('Expires', '0')
  headers.set('Pragma', 'no-cache')
  const status = known.status
  const message = status === 500 && known.code !== 500 ? 'Server Error' : known.message
  return jsonResponse(status, { message, code: status, type: known.type, version: SERVER_VERSION }, headers)
}
