import { stringify } from 'lossless-json'
import { convertChannels, rebindAccountChannels } from './account-channels.js'
import { readHandshake, sessionFromHeaders } from './handshake.js'
import type { IdentityResult, ResolveIdentity } from './identity.js'
import { type Inbound, readAuthentication, readInbound, readSubscribe, readUnsubscribe } from './inbound-payloads.js'
import { MessageLimit } from './message-limit.js'
import type { RealtimeEvent } from './realtime-event.js'
import { RealtimeError } from './realtime-error.js'
import { SubscriptionSet } from './subscription-set.js'
import { subscribe, unsubscribe } from './subscribe-frames.js'
import { subscribeFromUrl } from './url-mode.js'

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
      const mapping = subscribeFromUrl(this.subscriptions, channels, handshake)
      if (this.state === 'closed') return
      this.state = 'open'
      this.#send({ type: 'connected', data: { channels, subscriptions: mapping, user: identity.user } })
    } catch (error) {
      const failure = this.#sendError(error)
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
    try {
      const identity = await this.#resolve({ purpose: 'refresh', projectId: this.projectId, userId: this.userId })
      if (identity.ok) this.roles = identity.roles
    } catch {
      // The worker could not answer: the connection keeps the roles it had, and events keep flowing.
    }
  }

  async #handle(text: string): Promise<void> {
    if (this.state !== 'open') return
    try {
      if (this.#limit && !this.#limit.take()) throw RealtimeError.tooManyMessages('Too many messages.')
      const reply = await this.#dispatch(readInbound(text))
      if (reply) this.#send(reply)
    } catch (error) {
      const failure = this.#sendError(error)
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
        return subscribe(this.subscriptions, readSubscribe(inbound), this.userId)
      case 'unsubscribe':
        return unsubscribe(this.subscriptions, readUnsubscribe(inbound))
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

  /** Sends the error frame of a failure (anything unexpected is Appwrite's 500 `Error: Server Error`). */
  #sendError(error: unknown): RealtimeError {
    const failure = error instanceof RealtimeError ? error : RealtimeError.serverError(500)
    this.#send({ type: 'error', data: { code: failure.code, message: failure.message } })
    return failure
  }

  #send(frame: object): void {
    // lossless-json keeps 64-bit integers (bigint) exact, as the SDK's json-bigint reads them.
    if (this.state !== 'closed') this.transport.send(stringify(frame) ?? '')
  }
}
