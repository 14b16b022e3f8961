import type { RequestContext, ServiceDefinition } from '../../engine/context.js'
import { createEmailToken, createMagicUrlToken } from './email-tokens.js'
import { assertMethodEnabled } from './method-toggles.js'
import { createPhoneToken } from './phone-token.js'
import { createRecovery, updateRecovery } from './recovery.js'
import { createSessionFromToken } from './token-session.js'
import {
  createEmailVerification, createPhoneVerification, updateEmailVerification, updatePhoneVerification,
} from './verification.js'

/** Appwrite's init hooks for every route: sign-in methods the project turned off. */
const guard = async (ctx: RequestContext) => {
  assertMethodEnabled(ctx)
}

/**
 * The sign-in flows beyond email and password: tokens (email code, magic URL, phone code, custom) turned into
 * sessions, email and phone verification, password recovery. Every message goes to the outbox.
 */
export const authFlowsService: ServiceDefinition = {
  name: 'auth-flows',
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
  },
}
