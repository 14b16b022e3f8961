import type { PageMessage } from '../protocol.js'

const TIMEOUT_MS = 10_000

/** Resolves once `check()` holds, checking again on every `controllerchange`. */
export const untilController = (check: () => boolean, timeoutMessage: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const container = navigator.serviceWorker
    const stop = () => {
      clearTimeout(timer)
      container.removeEventListener('controllerchange', onChange)
    }
    const onChange = () => {
      if (!check()) return
      stop()
      resolve()
    }
    const timer = setTimeout(() => {
      stop()
      reject(new Error(timeoutMessage))
    }, TIMEOUT_MS)
    container.addEventListener('controllerchange', onChange)
    onChange()
  })

/** The registration's active worker, once there is one (never, if installing fails). */
const activeWorker = (registration: ServiceWorkerRegistration): Promise<ServiceWorker> =>
  new Promise((resolve) => {
    if (registration.active) return resolve(registration.active)
    const next = registration.installing ?? registration.waiting
    next?.addEventListener('statechange', () => {
      if (next.state === 'activated') resolve(next)
    })
  })

/**
 * Registers the worker and waits until it controls this page.
 * @note `serviceWorker.ready` is not enough: until the worker's `clients.claim()` fires `controllerchange`
 * the page is not controlled, and requests leak to the network. After a hard reload the active worker
 * claims nothing by itself, so the page asks it to (`offwrite/claim`).
 */
export const registerAndControl = async (workerUrl: string, scope: string): Promise<ServiceWorkerRegistration> => {
  const scriptUrl = new URL(workerUrl, location.href).href
  const container = navigator.serviceWorker
  let registration: ServiceWorkerRegistration
  try {
    registration = await container.register(scriptUrl, { scope, updateViaCache: 'none' })
  } catch (error) {
    throw new Error(
      `[offwrite] could not register the service worker ${scriptUrl} (${(error as Error).message}). ` +
        'Copy it into your public folder with: npx offwrite init <publicDir>',
      { cause: error },
    )
  }
  const ours = () => container.controller?.scriptURL === scriptUrl
  if (ours()) return registration
  const controlled = untilController(
    ours,
    `[offwrite] ${scriptUrl} did not take control of this page within ${TIMEOUT_MS / 1000} s. ` +
      `Is ${location.pathname} inside its scope (${registration.scope})?`,
  )
  void activeWorker(registration).then((worker) => worker.postMessage({ type: 'offwrite/claim' } satisfies PageMessage))
  await controlled
  return registration
}
