import { type ServiceDefinition, reply } from '../../engine/context.js'
import { baseHeaders } from '../../engine/respond.js'

/** `GET /v1/ping`: Appwrite answers the text `Pong!` (the SDK turns it into `{ message: 'Pong!' }`). */
export const pingService: ServiceDefinition = {
  name: 'ping',
  routes: {
    pingGet: async () => {
      const headers = baseHeaders()
      headers.set('Content-Type', 'text/plain; charset=UTF-8')
      return reply({ response: new Response('Pong!', { status: 200, headers }) })
    },
  },
}
