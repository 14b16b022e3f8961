import type { RequestContext, UserRecord } from '../../engine/context.js'
import { AppwriteError } from '../../errors/index.js'

/** The signed-in user; the scope check already refused guests, so this only guards the types. */
export const requireUser = (ctx: RequestContext): UserRecord => {
  if (!ctx.caller.user) throw new AppwriteError('user_unauthorized')
  return ctx.caller.user
}
