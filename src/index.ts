/**
 * @module offwrite — the page side. `startEmulator()` puts the offwrite service worker between the official
 * `appwrite` SDK and the network; the SDK then talks to an Appwrite backend that lives in IndexedDB.
 */
export { startEmulator, type Emulator, type StartEmulatorOptions } from './page/start-emulator.js'
export { BUILD_ID } from './build-id.js'
export { EVENTS_CHANNEL } from './protocol.js'
export type { AdminApi, AdminRemote, ApiKey, BroadcastMessage, ConfigureInput, EngineEvent, Hello, ProjectSettings } from './protocol.js'
