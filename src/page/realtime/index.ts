/**
 * @module page/realtime — the SDK's realtime socket, answered in the page: a faked WebSocket for
 * `<endpoint>/realtime` (every other socket passes through), fed by the worker's event broadcast.
 */
export { installRealtime, realtimeUrlOf, type InstallRealtimeOptions, type InstalledRealtime } from './install-realtime.js'
export { listenToWorkerEvents } from './broadcast-events.js'
export { interceptSockets } from './intercept-sockets.js'
