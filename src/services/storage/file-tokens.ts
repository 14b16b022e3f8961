import { SignJWT, jwtVerify } from 'jose'
import type { RequestContext } from '../../engine/context.js'
import { formatDate } from '../../util/time.js'
import { TOKEN_ACCESS_INTERVAL_S } from './limits.js'

/** A file token as stored (Appwrite's `resourceTokens`); its `secret` is a JWT made when it is shown. */
export interface TokenRecord {
  $id: string
  $createdAt: string
  $updatedAt: string
  /** `<bucketId>:<fileId>` */
  resourceId: string
  /** `<bucket $sequence>:<file $sequence>`: a file deleted and made again under the same id is another file. */
  resourceInternalId: string
  resourceType: 'files'
  expire: string | null
  accessedAt: string
  bucketId: string
  fileId: string
}

/** What a valid `?token=` grants: read access to one file, by internal ids. */
export interface FileGrant {
  bucketSequence: number
  fileSequence: number
}

const seconds = (date: string) => Math.floor(new Date(date).getTime() / 1000)

/**
 * The ResourceToken model: `secret` is an HS256 JWT `{tokenId, resourceId, resourceType, resourceInternalId,
 * iat, exp?}`, as Appwrite's model filter signs it (here with the project's JWT key).
 */
export const tokenView = async (ctx: RequestContext, token: TokenRecord) => {
  let jwt = new SignJWT({
    tokenId: token.$id,
    resourceId: token.resourceId,
    resourceType: token.resourceType,
    resourceInternalId: token.resourceInternalId,
  })
    .setProtectedHeader({ typ: 'JWT', alg: 'HS256' })
    .setIssuedAt(seconds(token.$createdAt))
  if (token.expire) jwt = jwt.setExpirationTime(seconds(token.expire))
  return { ...token, secret: await jwt.sign(await ctx.jwtSecret()) }
}

/**
 * The grant of the request's `token` param, or `null`. A token that does not verify, is unknown or expired
 * is ignored, as Appwrite ignores it: the caller's own permissions then apply.
 */
export const resolveFileGrant = async (ctx: RequestContext): Promise<FileGrant | null> => {
  const secret = ctx.params.token
  if (typeof secret !== 'string' || !secret) return null
  let tokenId: unknown
  try {
    const { payload } = await jwtVerify(secret, await ctx.jwtSecret(), { algorithms: ['HS256'], currentDate: ctx.now })
    tokenId = payload.tokenId
  } catch {
    return null
  }
  if (typeof tokenId !== 'string' || !tokenId) return null
  const token = (await ctx.store.db.table('resourceTokens').get(tokenId)) as TokenRecord | undefined
  if (token?.resourceType !== 'files') return null
  if (token.expire && new Date(token.expire) < ctx.now) return null
  const [bucketSequence, fileSequence] = token.resourceInternalId.split(':').map(Number)
  if (!Number.isInteger(bucketSequence) || !Number.isInteger(fileSequence)) return null
  if (!token.accessedAt || seconds(token.accessedAt) < seconds(formatDate(ctx.now)) - TOKEN_ACCESS_INTERVAL_S) {
    const touched = { ...token, accessedAt: formatDate(ctx.now) }
    await ctx.store.write((w) => w.put('resourceTokens', touched))
  }
  return { bucketSequence, fileSequence }
}
