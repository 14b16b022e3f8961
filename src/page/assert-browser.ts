/** `startEmulator` only makes sense in a page: say so plainly anywhere else (SSR, Node, workers). */
export const assertBrowser = (): void => {
  if (typeof window === 'undefined' || typeof document === 'undefined' || typeof navigator === 'undefined') {
    throw new Error(
      '[offwrite] startEmulator() runs in a browser page, and this is not one. ' +
        'In Node, use createEngine() from "offwrite/engine".',
    )
  }
  if (!('serviceWorker' in navigator)) {
    throw new Error(
      '[offwrite] this page cannot use service workers. It must be a secure context ' +
        '(https://, or http://localhost / 127.0.0.1), and the browser must allow them.',
    )
  }
}
