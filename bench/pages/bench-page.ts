// The bench page (bundled to .test-build/bench/bench-page.js): the official SDK, offwrite and Dexie on
// `window`, so suites can time the same call through offwrite, a bare worker and raw IndexedDB.
import * as appwrite from 'appwrite'
import Dexie from 'dexie'
import * as offwrite from 'offwrite'

declare global {
  interface Window {
    appwrite: typeof appwrite
    offwrite: typeof offwrite
    Dexie: typeof Dexie
  }
}

window.appwrite = appwrite
window.offwrite = offwrite
window.Dexie = Dexie
