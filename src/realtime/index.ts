/**
 * @module realtime — Appwrite's realtime server, portable: event names and channels, subscription matching
 * with queries and permissions, and the protocol of one connection, independent of the socket that carries it.
 * The page fakes the socket (`src/page/realtime/`); the worker answers identity questions
 * (`createIdentityResolver`) and renders payloads (`renderEventPayload`) before broadcasting events.
 */
export { expandEventNames, parseEventName } from './event-names.js'
export { eventTarget, type EventDestination } from './channels.js'
export { convertChannels, rebindAccountChannels } from './account-channels.js'
export { parseRealtimeQueries, matchesRuntimeQueries, queryToString, ALLOWED_QUERIES } from './runtime-query.js'
export { toRealtimeEvent, type RealtimeEvent } from './realtime-event.js'
export { renderEventPayload } from './render-payload.js'
export { RealtimeConnection, type Transport, type ConnectionOptions } from './connection.js'
export { RealtimeHub } from './realtime-hub.js'
export { RealtimeError } from './realtime-error.js'
export { createIdentityResolver } from './resolve-identity.js'
export type { IdentityRequest, IdentityResult, ResolveIdentity } from './identity.js'
