import { signJwt } from '../../auth/jwt.js'
import { type RequestContext, reply } from '../../engine/context.js'
import { AppwriteError, invalidParam } from '../../errors/index.js'
import { addSeconds } from '../../util/time.js'
import { requireUser } from './require-user.js'

/** `POST /account/jwts`: an HS256 token for the current session, 900 s unless `duration` says otherwise. */
export const createJwt = async (ctx: RequestContext) => {
  const user = requireUser(ctx)
  if (ctx.caller.jwt) throw new AppwriteError('user_jwt_creation_denied')
  const duration = Number(ctx.params.duration ?? 900)
  if (!Number.isInteger(duration) || duration < 0 || duration > 3600) {
    throw invalidParam('duration', 'Value must be a valid range between 0 and 3,600')
  }
  const session = ctx.caller.session
  if (!session) throw new AppwriteError('user_session_not_found')
  const jwt = await signJwt(await ctx.jwtSecret(), { userId: user.$id, sessionId: session.$id }, addSeconds(ctx.now, duration))
  return reply({ status: 201, body: { jwt } })
}
