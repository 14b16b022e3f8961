import { invalidParam } from '../../errors/index.js'

/** Schemes that would run or read something in the page instead of going somewhere. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'blob:', 'file:', 'about:'])

/**
 * Appwrite's `Redirect` validator for `url`, `success` and `failure`. offwrite has no platform list, so every
 * host passes (as if each were a registered Web platform), and app schemes (`appwrite-callback-…:`) too; a
 * value that is not an absolute URL, or one that would run script, fails.
 */
export const checkRedirectUrl = (name: string, value: unknown): string => {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : null
  const web = url?.protocol === 'http:' || url?.protocol === 'https:'
  if (url && !UNSAFE_SCHEMES.has(url.protocol) && (!web || url.host)) return value as string
  throw invalidParam(name, 'Invalid URI.')
}
