import { stringify } from 'lossless-json'
import { uniqueId } from '../util/id.js'
import { convertChannels, rebindAccountChannels } from './account-channels.js'
import { readHandshake, sessionFromHeaders, urlSubscriptions } from './handshake.js'
import type { IdentityResult, ResolveIdentity } from './identity.js'
import { type Inbound, readAuthentication, readInbound, readSubscribe, readUnsubscribe } from './inbound-payloads.js'
import { MessageLimit } from './message-limit.js'
import type { RealtimeEvent } from './realtime-event.js'
import { RealtimeError } from './realtime-error.js'
import { parseRealtimeQueries, queryToString } from './runtime-query.js'
import { SubscriptionSet } from './subscription-set.js'

/** What a connection needs from its socket, whatever carries it (a faked WebSocket, a test double). */
export interface Transport {
  send(text: string): void
  close(code: number, reason?: string): void
}

export interface ConnectionOptions {
  resolve: ResolveIdentity
  /** Appwrite's 32 messages a minute per connection; `false` turns the limit off. */
  messageLimit?: number | false
  now?: () => number
  /** Told of every frame received (the hub uses it to know when all is quiet). */
  onFrame?: () => void
}

/**
 * The server side of one realtime socket, as Appwrite's realtime server speaks it: the handshake, the
 * client's frames (handled one at a time, in order), and the events it is sent.
 */
export class RealtimeConnection {
  projectId = ''
  userId = ''
  roles: string[] = ['guests']
  state: 'opening' | 'open' | 'closed' = 'opening'
  readonly subscriptions = new SubscriptionSet()
  #inbound: Promise<void> = Promise.resolve()
  readonly #limit: MessageLimit | null

  constructor(
    private readonly transport: Transport,
    private readonly options: ConnectionOptions,
  ) {
    this.#limit = options.messageLimit === false ? null : new MessageLimit(options.messageLimit ?? 32, options.now)
  }

  /**
   * The handshake: who is connecting (a JWT in the URL; a session in the headers, where a real server has
   * them), then `connected`, or an error and a close.
   */
  open(url: URL, headers?: Headers): Promise<void> {
    // Frames that arrive meanwhile wait for the handshake.
    this.#inbound = this.#inbound.then(() => this.#handshake(url, headers))
    return this.#inbound
  }

  async #handshake(url: URL, headers?: Headers): Promise<void> {
    const handshake = readHandshake(url)
    this.projectId = handshake.projectId
    try {
      const session = sessionFromHeaders(headers, handshake.projectId)
      const identity = await this.#resolve({
        purpose: 'handshake',
        projectId: handshake.projectId,
        ...(session ? { session } : {}),
        ...(handshake.jwt ? { jwt: handshake.jwt } : {}),
      })
      if (!identity.ok) throw new RealtimeError(identity.code, identity.message)
      this.#become(identity)
      const channels = convertChannels(handshake.channels, this.userId)
      const mapping: string[] = []
      for (const slot of urlSubscriptions(channels, handshake.queryParam)) {
        const queries = slot.queries === null ? [] : this.#urlQueries(slot.queries)
        const id = uniqueId()
        this.subscriptions.add(id, slot.channels, queries)
        mapping.push(id)
      }
      if (this.state === 'closed') return
      this.state = 'open'
      this.#send({ type: 'connected', data: { channels, subscriptions: mapping, user: identity.user } })
    } catch (error) {
      const failure = error instanceof RealtimeError ? error : RealtimeError.serverError(500)
      this.#send({ type: 'error', data: { code: failure.code, message: failure.message } })
      this.state = 'closed'
      this.transport.close(failure.code, failure.message)
    }
  }

  /** A text frame from the client. Frames are handled in arrival order, each after the previous one. */
  receive(text: string): Promise<void> {
    this.options.onFrame?.()
    this.#inbound = this.#inbound.then(() => this.#handle(text))
    return this.#inbound
  }

  /** Resolves once every frame received so far has been answered. */
  settled(): Promise<void> {
    return this.#inbound
  }

  /** The client went away: nothing more is sent. */
  closed(): void {
    this.state = 'closed'
  }

  /** Sends the event if this connection may read it and one of its subscriptions wants it. */
  deliver(event: RealtimeEvent): boolean {
    if (this.state !== 'open' || event.projectId !== this.projectId) return false
    const allowed = event.roles.includes('any') || this.roles.some((role) => event.roles.includes(role))
    if (!allowed) return false
    const matched = this.subscriptions.match(event.channels, event.payload)
    if (matched.length === 0) return false
    const { events, channels, timestamp, payload } = event
    this.#send({ type: 'event', data: { events, channels, timestamp, payload, subscriptions: matched } })
    return true
  }

  /** Recomputes this connection's roles from its user (a team or membership of theirs changed). */
  async refreshRoles(): Promise<void> {
    if (!this.userId || this.state === 'closed') return
    const identity = await this.#resolve({ purpose: 'refresh', projectId: this.projectId, userId: this.userId })
    if (identity.ok) this.roles = identity.roles
  }

  async #handle(text: string): Promise<void> {
    if (this.state !== 'open') return
    try {
      if (this.#limit && !this.#limit.take()) throw RealtimeError.tooManyMessages('Too many messages.')
      const reply = await this.#dispatch(readInbound(text))
      if (reply) this.#send(reply)
    } catch (error) {
      const failure = error instanceof RealtimeError ? error : RealtimeError.serverError(500)
      this.#send({ type: 'error', data: { code: failure.code, message: failure.message } })
      if (failure.code === 1008) {
        this.state = 'closed'
        this.transport.close(1008, failure.message)
      }
    }
  }

  async #dispatch(inbound: Inbound): Promise<object | null> {
    switch (inbound.type) {
      case 'ping':
        return { type: 'pong' }
      case 'authentication':
        return this.#authenticate(readAuthentication(inbound))
      case 'subscribe':
        return this.#subscribe(inbound)
      case 'unsubscribe': {
        const subscriptions = readUnsubscribe(inbound).map((subscriptionId) => ({
          subscriptionId,
          removed: this.subscriptions.remove(subscriptionId),
        }))
        return { type: 'response', data: { to: 'unsubscribe', success: true, subscriptions } }
      }
      case 'presence':
        throw RealtimeError.invalidMessage('Presences are not supported by offwrite yet.')
    }
  }

  /** Logs the socket in as the session's user: every subscription now runs under that user's roles. */
  async #authenticate(session: string): Promise<object> {
    const identity = await this.#resolve({ purpose: 'authentication', projectId: this.projectId, session })
    if (!identity.ok || !identity.user) throw RealtimeError.invalidMessage('Session is not valid.')
    const previous = this.userId
    this.#become(identity)
    this.subscriptions.rename((channels) => rebindAccountChannels(channels, previous, this.userId))
    return { type: 'response', data: { to: 'authentication', success: true, user: identity.user } }
  }

  #subscribe(inbound: Inbound): object {
    // Everything is checked before anything is registered: a bad item leaves the connection as it was.
    const parsed = readSubscribe(inbound).map((item) => ({
      subscriptionId: item.subscriptionId ?? uniqueId(),
      channels: convertChannels(item.channels, this.userId),
      queries: parseRealtimeQueries(item.queries ?? []),
    }))
    for (const item of parsed) this.subscriptions.add(item.subscriptionId, item.channels, item.queries)
    const subscriptions = parsed.map((item) => ({ ...item, queries: item.queries.map(queryToString) }))
    return { type: 'response', data: { to: 'subscribe', success: true, subscriptions } }
  }

  /** URL-mode queries: a bad one refuses the connection with 1008. */
  #urlQueries(raw: string[]) {
    try {
      return parseRealtimeQueries(raw)
    } catch (error) {
      if (!(error instanceof RealtimeError) || error.code !== 1003) throw error
      throw RealtimeError.policyViolation(error.message.replace(/^Invalid query: /, ''))
    }
  }

  #become(identity: IdentityResult & { ok: true }): void {
    this.userId = typeof identity.user?.$id === 'string' ? identity.user.$id : ''
    this.roles = identity.roles
  }

  async #resolve(request: Parameters<ResolveIdentity>[0]): Promise<IdentityResult> {
    try {
      return await this.options.resolve(request)
    } catch {
      throw RealtimeError.serverError(500)
    }
  }

  #send(frame: object): void {
    // lossless-json keeps 64-bit integers (bigint) exact, as the SDK's json-bigint reads them.
    if (this.state !== 'closed') this.transport.send(stringify(frame) ?? '')
  }
}
