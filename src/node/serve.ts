import { type IncomingMessage, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { type ProjectAdmin, createAdminEngine } from '../admin/index.js'
import { ADMIN_PATH, handleAdminRoute } from './admin-routes.js'
import { DataDirSaver, readDataDir } from './data-dir.js'
import { type HostOptions, settingsOf } from './host-options.js'
import { pickIndexedDb } from './indexeddb.js'
import { sendFetchResponse, toFetchRequest } from './node-http.js'
import { EventHub, type RealtimeFactory } from './realtime-bridge.js'
import { acceptSocket } from './serve-realtime.js'
import { createRealtimeAcceptor } from '../realtime/acceptor.js'

export interface ServeOptions extends HostOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** A folder the projects are loaded from at start and saved to after every write. */
  data?: string
  /** The projects served. Without any, a request for an unknown project registers it (emulator mode). */
  projects?: string[]
  /** Realtime on `/v1/realtime` (default: offwrite's; `null` for none). */
  realtime?: RealtimeFactory | null
}

export interface OffwriteServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** `http://127.0.0.1:<port>/v1`: the SDK's endpoint. */
  readonly endpoint: string
  readonly port: number
  admin(projectId: string): Promise<ProjectAdmin>
  /** Saves the data folder now (it is also saved shortly after every write and on close). */
  save(): Promise<void>
  close(): Promise<void>
}

const projectOf = (req: IncomingMessage, url: URL): string | null =>
  (req.headers['x-appwrite-project'] as string | undefined) || url.searchParams.get('project')

/**
 * The engine behind a real HTTP server and realtime WebSocket, for server SDKs (node-appwrite uses undici,
 * which msw cannot intercept), other languages' SDKs and curl.
 */
export const serve = async (options: ServeOptions = {}): Promise<OffwriteServer> => {
  const settings = settingsOf(options)
  const events = new EventHub()
  const saved = options.data ? await readDataDir(options.data) : []
  const known = new Set([...(options.projects ?? []), ...saved.map((p) => p.projectId)])
  let saver: DataDirSaver | null = null
  const emulator = createAdminEngine({
    ...(await pickIndexedDb()),
    projects: [...known].map((id) => ({ id, ...settings })),
    onEvents: events.publish,
    layers: [{ name: 'data-dir', afterCommit: () => saver?.schedule() }],
  })
  const admins = new Map<string, ProjectAdmin>()
  const adminOf = async (projectId: string) => {
    if (!known.has(projectId)) await register(projectId)
    const admin = admins.get(projectId) ?? emulator.admin(projectId)
    admins.set(projectId, admin)
    return admin
  }
  const register = async (projectId: string) => {
    known.add(projectId)
    await emulator.engine.registerProject(projectId, settings)
  }
  for (const data of saved) await (await adminOf(data.projectId)).import(data)
  if (options.data) saver = new DataDirSaver(options.data, () => [...known].map((id) => emulator.admin(id)))
  if (options.clock) emulator.host.determinism.setClock(options.clock)
  if (options.idPrefix) emulator.host.determinism.setIdSequence(options.idPrefix)
  // A project loaded from the data folder is not seeded again: it has what the last run left.
  const seedTarget = options.seed?.projectId ?? [...known][0] ?? 'test'
  if (options.seed && !saved.some((p) => p.projectId === seedTarget)) await (await adminOf(seedTarget)).seed(options.seed)
  const realtime = options.realtime === null ? null : (options.realtime ?? createRealtimeAcceptor)({ engine: emulator.engine, events })

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    try {
      if (ADMIN_PATH.test(url.pathname)) return await handleAdminRoute(req, res, url, adminOf)
      const projectId = projectOf(req, url)
      if (projectId && !known.has(projectId) && !options.projects?.length) await register(projectId)
      await sendFetchResponse(await emulator.engine.handle(toFetchRequest(req, `http://${req.headers.host}`)), res)
    } catch (error) {
      console.error('[offwrite] serve:', error)
      if (!res.headersSent) res.writeHead(500).end()
    }
  })
  const sockets = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `ws://${req.headers.host}`)
    if (!realtime || !/\/v1\/realtime$/.test(url.pathname)) return socket.destroy()
    sockets.handleUpgrade(req, socket, head, (ws) => acceptSocket(realtime, ws, req, url))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', resolve)
  })
  const { port, address } = server.address() as AddressInfo
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`
  return {
    url,
    endpoint: `${url}/v1`,
    port,
    admin: adminOf,
    save: async () => saver?.flush(),
    async close() {
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await saver?.flush()
      emulator.engine.close()
    },
  }
}
