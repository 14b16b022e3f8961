import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { AppwriteError } from '../../../src/errors/index.js'
import { type ServiceDefinition, createEngine } from '../../../src/engine/index.js'

/** A service using both hooks this area added to the engine: its own route, and a guard before every route. */
const probe: ServiceDefinition = {
  name: 'probe',
  extraRoutes: [
    {
      operationId: 'probeHello', method: 'GET', path: '/offwrite/hello/{name}', service: 'offwrite', scopes: [], group: null,
      source: 'client', params: [{ name: 'name', in: 'path', type: 'string', required: true }],
      response: { status: 200, model: null, models: null, binary: false },
    },
  ],
  guard: async (ctx) => {
    if (ctx.request.headers.get('x-refuse')) throw new AppwriteError('user_unauthorized')
  },
  routes: { probeHello: async (ctx) => ({ hello: ctx.params.name }), pingGet: async () => ({ pong: true }) },
}

describe('engine hooks: extraRoutes and guard', () => {
  it('serves a service\'s own routes, lists them, and runs the guard before every handler', async () => {
    const engine = createEngine({ services: [probe], projects: ['p'], dbPrefix: `hooks-${process.pid}` })
    const get = (path: string, headers: Record<string, string> = {}) =>
      engine.handle(new Request(`http://x/v1${path}`, { headers: { 'x-appwrite-project': 'p', ...headers } }))
    expect(await (await get('/offwrite/hello/ada')).json()).toEqual({ hello: 'ada' })
    expect(engine.routes.find((r) => r.operationId === 'probeHello')?.implemented).toBe(true)
    expect((await get('/offwrite/hello/ada', { 'x-refuse': '1' })).status).toBe(401)
    expect((await get('/ping', { 'x-refuse': '1' })).status).toBe(401)
    expect((await get('/ping')).status).toBe(200)
    engine.close()
  })
})
