import type { RequestContext } from '../engine/context.js'
import type { Writer } from '../store/write-path.js'
import { formatDate } from '../util/time.js'

/** What Appwrite would have sent, by the flow that sent it. */
export type OutboxKind =
  | 'verification'
  | 'recovery'
  | 'magicUrl'
  | 'emailOtp'
  | 'phoneOtp'
  | 'phoneVerification'
  | 'invitation'
  | 'mfaEmail'
  | 'mfaPhone'

/**
 * An email or SMS offwrite captured instead of sending. `secret` is the raw secret or code the message carries
 * (what a user would copy from it); `link` is the URL in it, if any, with `userId`, `secret`, … merged in.
 */
export interface OutboxMessage {
  $id: string
  $createdAt: string
  channel: 'email' | 'sms'
  kind: OutboxKind
  /** The recipient: an email address or a phone number. */
  to: string
  userId: string
  subject: string
  text: string
  link: string
  secret: string
  phrase: string
  /** Flow-specific values (`teamId`, `membershipId`, `challengeId`, `tokenId`, …). */
  data: Record<string, string>
}

export type OutgoingMessage = Omit<OutboxMessage, '$id' | '$createdAt' | 'link' | 'phrase' | 'data' | 'subject'> &
  Partial<Pick<OutboxMessage, 'link' | 'phrase' | 'data' | 'subject'>>

export const OUTBOX_STORE = 'outbox'

/** Captures a message inside the request's write, so it exists exactly when the token it carries does. */
export const sendMessage = async (w: Writer, ctx: RequestContext, message: OutgoingMessage): Promise<OutboxMessage> => {
  const stored: OutboxMessage = {
    $id: ctx.newId(),
    $createdAt: formatDate(ctx.now),
    subject: '',
    link: '',
    phrase: '',
    data: {},
    ...message,
  }
  await w.add(OUTBOX_STORE, stored)
  return stored
}

/** `url` with `params` merged into its query, as Appwrite's `Template::mergeQuery` builds emailed links. */
export const linkWith = (url: string, params: Record<string, string>): string => {
  const link = new URL(url)
  for (const [key, value] of Object.entries(params)) link.searchParams.set(key, value)
  return link.toString()
}

/** Dexie schema: an auto-increment key keeps the order messages were sent in. */
export const outboxStores = { [OUTBOX_STORE]: '++seq, $id, to, userId' }

/** The name messages sign with: the project's configured name, else its id. */
export const projectName = (ctx: RequestContext): string => ctx.settings.name || ctx.projectId
