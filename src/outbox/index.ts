/**
 * @module outbox — every email and SMS Appwrite would send, captured in the project's IndexedDB instead:
 * for a developer to read in the demo, for tests through `GET /v1/offwrite/outbox` or {@link readOutbox}.
 */
export {
  type OutboxKind, type OutboxMessage, type OutgoingMessage, OUTBOX_STORE, linkWith, outboxStores, projectName, sendMessage,
} from './message.js'
export { type OutboxFilter, readOutbox } from './read-outbox.js'
export { outboxService } from './routes.js'
export { wording } from './templates.js'
