import { type WebSocketConnectionData, WebSocketInterceptor } from '@mswjs/interceptors/WebSocket'

/** Serves one faked socket: the interceptor's client side, for a URL a route claimed. */
export type SocketRoute = (client: WebSocketConnectionData['client']) => void

const routes = new Map<string, SocketRoute>()
let interceptor: WebSocketInterceptor | null = null

/** `ws://host/v1/realtime` without its query: what a route is keyed by (`wss` and `ws` alike). */
const routeKey = (url: string | URL): string => {
  const { host, pathname } = new URL(url)
  return `${host}${pathname.replace(/\/+$/, '')}`
}

/**
 * Lets a socket through to the real server, as if nothing were here: the page's socket opens only when the
 * real one does, or closes (after an error) when it fails, and frames flow both ways (the interceptor forwards
 * them).
 * @note Waiting for `close`, not `error`: a failing socket fires both, and the page's socket must be closed
 * by then or the interceptor would still open it.
 */
const passThrough = (server: WebSocketConnectionData['server']): Promise<void> =>
  new Promise((resolve) => {
    server.addEventListener('open', () => resolve(), { once: true })
    server.addEventListener('close', () => resolve(), { once: true })
    server.connect()
  })

const onConnection = async ({ client, server }: WebSocketConnectionData): Promise<void> => {
  const route = routes.get(routeKey(client.url))
  if (route) return route(client)
  await passThrough(server)
}

/**
 * Fakes the WebSockets opened to `url` (any query); every other socket (Vite's HMR, the app's own) passes
 * through to its server. One interceptor serves every route of the page; it is removed with the last route.
 * @returns a function that removes the route.
 */
export const interceptSockets = (url: string, route: SocketRoute): (() => void) => {
  const key = routeKey(url)
  routes.set(key, route)
  if (!interceptor) {
    interceptor = new WebSocketInterceptor()
    interceptor.on('connection', onConnection)
    interceptor.apply()
  }
  return () => {
    if (routes.get(key) !== route) return
    routes.delete(key)
    if (routes.size === 0 && interceptor) {
      interceptor.dispose()
      interceptor = null
    }
  }
}
