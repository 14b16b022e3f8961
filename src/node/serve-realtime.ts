import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import type { RealtimeAcceptor } from './realtime-bridge.js'

/** Hands a real socket (from `offwrite serve`) to the realtime protocol. */
export const acceptSocket = (accept: RealtimeAcceptor, ws: WebSocket, req: IncomingMessage, url: URL): void => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const connection = accept({
    url,
    headers,
    send: (text) => ws.send(text),
    close: (code, reason) => ws.close(code, reason),
  })
  ws.on('message', (data) => connection.receive(data.toString()))
  ws.on('close', () => connection.closed())
}
