/**
 * @module offwrite/node — offwrite in Node: `serve()` (the engine behind a real HTTP server and realtime
 * WebSocket, for server SDKs and curl) and `createOffwrite()` (one emulated project in process).
 */
export { serve, type OffwriteServer, type ServeOptions } from './serve.js'
export { runServeCli, parseServeArgs, SERVE_USAGE } from './cli-serve.js'
export { createOffwrite, type Offwrite, type OffwriteOptions } from './create-offwrite.js'
export type { HostOptions } from './host-options.js'
