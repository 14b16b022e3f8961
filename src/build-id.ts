declare const __OFFWRITE_BUILD_ID__: string | undefined

/**
 * Identifies the build. scripts/build.mjs stamps the same value into the page library and the service worker,
 * so a page can tell when `offwrite-sw.js` in the app's public folder is stale.
 */
export const BUILD_ID: string = typeof __OFFWRITE_BUILD_ID__ === 'string' ? __OFFWRITE_BUILD_ID__ : 'dev'
