import { http, ws } from 'msw'
import type { RealtimeAcceptor } from './realtime-bridge.js'
import type { Offwrite } from './create-offwrite.js'

/** `https://host/v1` → `wss://host/v1/realtime`, as the SDK derives it. */
export const realtimeUrlOf = (endpoint: string): string => `${endpoint.replace(/^http/, 'ws')}/realtime`

/** Connects msw's faked socket to the realtime protocol. */
const realtimeHandler = (endpoint: string, accept: RealtimeAcceptor) =>
  ws.link(realtimeUrlOf(endpoint)).addEventListener('connection', ({ client }) => {
    const connection = accept({
      url: client.url,
      headers: new Headers(),
      send: (text) => client.send(text),
      close: (code, reason) => client.close(code, reason),
    })
    client.addEventListener('message', (event) => connection.receive(String(event.data)))
    client.addEventListener('close', () => connection.closed())
  })

/**
 * msw handlers that answer every Appwrite request below `endpoint` from the emulator: `http` for REST, `ws`
 * for realtime. The same handlers work in `setupServer` (Node) and `setupWorker` (a page).
 */
export const offwriteHandlers = (offwrite: Offwrite, endpoint: string) => {
  const base = endpoint.replace(/\/+$/, '')
  const rest = http.all(`${base}/*`, ({ request }) => offwrite.engine.handle(request))
  return offwrite.realtime ? [rest, realtimeHandler(base, offwrite.realtime)] : [rest]
}
