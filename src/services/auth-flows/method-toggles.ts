import type { ProjectSettings, RequestContext } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'

type Method = keyof NonNullable<NonNullable<ProjectSettings['auth']>['methods']>

/** Routes by the sign-in method they belong to (Appwrite's `auth.type` labels). */
const METHOD_OF: Record<string, [Method, string]> = {
  accountCreate: ['emailPassword', 'Email / Password'],
  accountCreateEmailPasswordSession: ['emailPassword', 'Email / Password'],
  accountCreateAnonymousSession: ['anonymous', 'Anonymous'],
  accountCreateMagicURLToken: ['magicURL', 'Magic URL'],
  accountCreateEmailToken: ['emailOTP', 'Email OTP'],
  accountCreatePhoneToken: ['phone', 'Phone'],
  accountCreatePhoneVerification: ['phone', 'Phone'],
  accountCreateJWT: ['jwt', 'JWT'],
  teamsCreateMembership: ['invites', 'Invites'],
}

/** A method the project turned off answers 501 `user_auth_method_unsupported`; API keys are exempt. */
export const assertMethodEnabled = (ctx: RequestContext): void => {
  const method = METHOD_OF[ctx.route.operationId]
  if (!method || ctx.caller.key || ctx.settings.auth?.methods?.[method[0]] !== false) return
  throw new AppwriteError('user_auth_method_unsupported', { message: `${method[1]} authentication is disabled for this project` })
}
