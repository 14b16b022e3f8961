// The compat harness page (bundled to .test-build/compat.js, served as /compat.html): every SDK major the
// compat tests run, side by side, next to the usual `appwrite` (27) and `offwrite` of the harness page.
import * as appwrite from 'appwrite'
import * as sdk11 from 'appwrite-sdk-11'
import * as sdk13 from 'appwrite-sdk-13'
import * as sdk15 from 'appwrite-sdk-15'
import * as sdk17 from 'appwrite-sdk-17'
import * as sdk20 from 'appwrite-sdk-20'
import * as offwrite from 'offwrite'

const sdks = { 11: sdk11, 13: sdk13, 15: sdk15, 17: sdk17, 20: sdk20, 27: appwrite }

declare global {
  interface Window {
    sdks: typeof sdks
  }
}

Object.assign(window, { appwrite, offwrite, sdks })
