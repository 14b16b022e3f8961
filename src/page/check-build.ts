import { BUILD_ID } from '../build-id.js'
import type { AdminRemote } from '../protocol.js'
import { untilController } from './wait-for-control.js'

/** Fetches the worker script again; resolves true once a newer worker controls the page. */
const updated = async (registration: ServiceWorkerRegistration): Promise<boolean> => {
  const before = navigator.serviceWorker.controller
  await registration.update()
  if (!registration.installing && !registration.waiting) return false
  await untilController(
    () => navigator.serviceWorker.controller !== before,
    '[offwrite] a newer service worker was found but did not take control of this page',
  )
  return true
}

/**
 * Refuses a worker from another build (a stale `offwrite-sw.js` in the app's public folder is the hardest
 * bug to see). The browser may simply not have looked for a newer script yet, so it is asked to, once.
 */
export const checkBuild = async (admin: AdminRemote, registration: ServiceWorkerRegistration): Promise<void> => {
  const { build } = await admin.hello()
  if (build === BUILD_ID) return
  const again = (await updated(registration)) ? (await admin.hello()).build : build
  if (again === BUILD_ID) return
  throw new Error(
    `[offwrite] the service worker comes from another build (worker ${again}, page ${BUILD_ID}). ` +
      'Copy the current one into your public folder: npx offwrite init <publicDir>',
  )
}
