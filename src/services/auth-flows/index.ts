import type { RequestContext, ServiceDefinition } from '../../engine/context.js'
import { createEmailToken, createMagicUrlToken } from './email-tokens.js'
import { deleteIdentity } from './identities.js'
import { assertMethodEnabled } from './method-toggles.js'
import {
  createAuthenticator, deleteAuthenticator, listMfaFactors, updateMfa, verifyAuthenticator,
} from './mfa/account-mfa.js'
import { completeChallenge, createChallenge } from './mfa/challenges.js'
import { assertEnoughFactors } from './mfa/enforce.js'
import { mfaStores } from './mfa/records.js'
import { createRecoveryCodes, getRecoveryCodes, updateRecoveryCodes } from './mfa/recovery-codes.js'
import {
  usersCreateMfaRecoveryCodes, usersDeleteMfaAuthenticator, usersGetMfaRecoveryCodes, usersListMfaFactors, usersUpdateMfa,
  usersUpdateMfaRecoveryCodes,
} from './mfa/users-mfa.js'
import { authorizePage } from './oauth2/authorize-page.js'
import { oauthCallback } from './oauth2/callback.js'
import { oauthRoutes } from './oauth2/routes.js'
import { createOAuth2Session, createOAuth2Token } from './oauth2/start.js'
import { createPhoneToken } from './phone-token.js'
import { createRecovery, updateRecovery } from './recovery.js'
import { createSessionFromToken } from './token-session.js'
import {
  createEmailVerification, createPhoneVerification, updateEmailVerification, updatePhoneVerification,
} from './verification.js'

/** Appwrite's init hooks for every route: sign-in methods the project turned off, then the MFA factor count. */
const guard = async (ctx: RequestContext) => {
  assertMethodEnabled(ctx)
  await assertEnoughFactors(ctx)
}

/**
 * The sign-in flows beyond email and password: tokens (email code, magic URL, phone code, custom) turned into
 * sessions, OAuth2 against a stand-in provider page, email and phone verification, password recovery, MFA.
 * Every message goes to the outbox.
 */
export const authFlowsService: ServiceDefinition = {
  name: 'auth-flows',
  stores: mfaStores,
  extraRoutes: oauthRoutes,
  guard,
  routes: {
    accountCreateEmailToken: createEmailToken,
    accountCreateMagicURLToken: createMagicUrlToken,
    accountCreatePhoneToken: createPhoneToken,
    accountCreateSession: createSessionFromToken,
    accountUpdateMagicURLSession: createSessionFromToken,
    accountUpdatePhoneSession: createSessionFromToken,
    accountCreateEmailVerification: createEmailVerification,
    accountUpdateEmailVerification: updateEmailVerification,
    accountCreatePhoneVerification: createPhoneVerification,
    accountUpdatePhoneVerification: updatePhoneVerification,
    accountCreateRecovery: createRecovery,
    accountUpdateRecovery: updateRecovery,
    accountCreateOAuth2Session: createOAuth2Session,
    accountCreateOAuth2Token: createOAuth2Token,
    offwriteOAuth2Authorize: authorizePage,
    offwriteOAuth2Callback: oauthCallback,
    accountDeleteIdentity: deleteIdentity,
    accountUpdateMFA: updateMfa,
    accountListMfaFactors: listMfaFactors,
    accountCreateMfaAuthenticator: createAuthenticator,
    accountUpdateMfaAuthenticator: verifyAuthenticator,
    accountDeleteMfaAuthenticator: deleteAuthenticator,
    accountCreateMfaChallenge: createChallenge,
    accountUpdateMfaChallenge: completeChallenge,
    accountCreateMfaRecoveryCodes: createRecoveryCodes,
    accountGetMfaRecoveryCodes: getRecoveryCodes,
    accountUpdateMfaRecoveryCodes: updateRecoveryCodes,
    usersUpdateMfa,
    usersListMfaFactors,
    usersDeleteMfaAuthenticator,
    usersGetMfaRecoveryCodes,
    usersCreateMfaRecoveryCodes,
    usersUpdateMfaRecoveryCodes,
  },
}
