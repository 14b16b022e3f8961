import { invalidParam } from '../../errors/index.js'

/**
 * Appwrite's `Redirect` validator for `url`, `success` and `failure`. offwrite has no platform list, so every
 * host passes (as if each were a registered Web platform); only a value that is not an absolute URL fails.
 */
export const checkRedirectUrl = (name: string, value: unknown): string => {
  if (typeof value === 'string' && URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value)) return value
  throw invalidParam(name, 'Invalid URI.')
}
