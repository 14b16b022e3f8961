import * as sdk27 from 'appwrite'

/**
 * The old SDKs, side by side (npm aliases `appwrite-sdk-<major>`). SDKs 11 and 13 import `isomorphic-form-data`,
 * which replaces Node's global `FormData` with the `form-data` package: the native one is put back, or every
 * later upload in this process (SDK 27's too) would break.
 */
const native = globalThis.FormData
const [sdk11, sdk13, sdk15, sdk17, sdk20] = await Promise.all([
  import('appwrite-sdk-11'),
  import('appwrite-sdk-13'),
  import('appwrite-sdk-15'),
  import('appwrite-sdk-17'),
  import('appwrite-sdk-20'),
])
globalThis.FormData = native

export const SDKS = { 11: sdk11, 13: sdk13, 15: sdk15, 17: sdk17, 20: sdk20, 27: sdk27 } as const
