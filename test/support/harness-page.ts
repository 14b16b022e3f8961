// The browser test harness page (bundled to .test-build/harness.js): the official SDK and offwrite's page
// library, on `window`, for tests to drive with `page.evaluate`.
import * as appwrite from 'appwrite'
import * as offwrite from 'offwrite'

declare global {
  interface Window {
    appwrite: typeof appwrite
    offwrite: typeof offwrite
  }
}

window.appwrite = appwrite
window.offwrite = offwrite
