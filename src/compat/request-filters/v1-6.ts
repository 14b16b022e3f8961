import { type RequestFilter, without } from './types.js'

/** 1.5 → 1.6 (Appwrite's request filter V18): deleting an authenticator no longer takes an OTP. */
export const requestV1_6: RequestFilter = {
  below: '1.6.0',
  operations: {
    accountDeleteMfaAuthenticator: (params) => without(params, 'otp'),
  },
}
