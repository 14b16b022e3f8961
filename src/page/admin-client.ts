import * as Comlink from 'comlink'
import { ADMIN_METHODS, type AdminApi, type AdminRemote, type PageMessage } from '../protocol.js'

type Method = (...args: unknown[]) => Promise<unknown>

/** One admin call on its own port, released afterwards. */
const call = async (method: keyof AdminApi, args: unknown[]): Promise<unknown> => {
  const worker = navigator.serviceWorker.controller
  if (!worker) throw new Error('[offwrite] this page is not controlled by the offwrite service worker')
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ type: 'offwrite/connect' } satisfies PageMessage, [port2])
  const remote = Comlink.wrap<AdminApi>(port1)
  try {
    return await (remote[method] as unknown as Method)(...args)
  } finally {
    remote[Comlink.releaseProxy]()
  }
}

/**
 * The page's client for the worker's admin API (comlink over a MessagePort).
 * @note Every call opens its own port. A port dies with the worker, and the browser stops idle workers
 * whenever it likes, so one long-lived comlink proxy would hang after the first stop. The controller at
 * call time answers, which is also the right one after a worker update.
 */
export const createAdminClient = (): AdminRemote =>
  Object.fromEntries(ADMIN_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)])) as AdminRemote
