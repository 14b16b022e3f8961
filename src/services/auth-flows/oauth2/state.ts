import { checkRedirectUrl } from '../redirect-url.js'

/** What the start route hands the provider page and the callback (Appwrite's OAuth `state`). */
export interface OAuthState {
  success: string
  failure: string
  /** The token flow (`createOAuth2Token`) rather than the session flow. */
  token: boolean
}

export const encodeState = (state: OAuthState): string => JSON.stringify(state)

/** Reads the state back, checking the URLs again as Appwrite's redirect route does. */
export const decodeState = (value: unknown): OAuthState => {
  let state: Partial<OAuthState> = {}
  try {
    state = JSON.parse(String(value ?? '{}'))
  } catch {
    // Falls through to the URL checks, which fail.
  }
  return {
    success: checkRedirectUrl('success', state.success),
    failure: checkRedirectUrl('failure', state.failure),
    token: state.token === true,
  }
}
