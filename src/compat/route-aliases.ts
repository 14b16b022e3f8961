import type { RouteSpec } from '../engine/route-spec.js'
import { routeSpecs } from '../generated/routes.js'

/**
 * Paths older SDKs call that Appwrite still answers as aliases of today's routes (`->alias()`/`httpAlias()` in
 * Appwrite's controllers): same operation, same params, same handler.
 */
const ALIASES: ReadonlyArray<[operationId: string, path: string]> = [
  // SDKs before 14 (`createEmailSession`, `createMagicURLSession`, `createPhoneSession`).
  ['accountCreateEmailPasswordSession', '/account/sessions'],
  ['accountCreateMagicURLToken', '/account/sessions/magic-url'],
  ['accountCreatePhoneToken', '/account/sessions/phone'],
  // SDKs before 21.
  ['accountCreateJWT', '/account/jwt'],
  ['accountCreateEmailVerification', '/account/verification'],
  ['accountUpdateEmailVerification', '/account/verification'],
  ['accountCreatePhoneVerification', '/account/verification/phone'],
  ['accountUpdatePhoneVerification', '/account/verification/phone'],
  ['accountCreateMfaChallenge', '/account/mfa/challenge'],
  ['accountUpdateMfaChallenge', '/account/mfa/challenge'],
  // Server SDKs before 1.8.
  ['databasesUpdateRelationshipAttribute', '/databases/{databaseId}/collections/{collectionId}/attributes/{key}/relationship'],
]

const byOperation = new Map(routeSpecs.map((spec) => [spec.operationId, spec]))

export const routeAliases: RouteSpec[] = ALIASES.flatMap(([operationId, path]) => {
  const spec = byOperation.get(operationId)
  return spec ? [{ ...spec, path }] : []
})
