import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ProjectAdmin } from '../admin/index.js'
import { readJson, sendJson } from './node-http.js'

/** Where `offwrite serve` answers its admin API: `/_offwrite/<projectId>/<action>`. */
export const ADMIN_PATH = /^\/_offwrite\/([^/]+)\/([a-z-]+)$/

type Action = (admin: ProjectAdmin, body: any, url: URL) => Promise<unknown> | unknown

const ACTIONS: Record<string, { method: 'GET' | 'POST'; run: Action }> = {
  reset: { method: 'POST', run: (admin) => admin.reset() },
  seed: { method: 'POST', run: (admin, body) => admin.seed(body) },
  export: { method: 'GET', run: (admin) => admin.export() },
  import: { method: 'POST', run: (admin, body) => admin.import(body) },
  requests: {
    method: 'GET',
    run: (admin, _body, url) =>
      admin.requests({
        limit: Number(url.searchParams.get('limit')) || undefined,
        refusedOnly: url.searchParams.get('refused') === 'true',
      }),
  },
  outbox: {
    method: 'GET',
    run: (admin, _body, url) => {
      const { limit, ...filter } = Object.fromEntries(url.searchParams)
      return admin.outbox({ ...filter, ...(limit ? { limit: Number(limit) } : {}) })
    },
  },
  'clear-requests': { method: 'POST', run: (admin) => admin.clearRequests() },
  'act-as': { method: 'POST', run: (admin, body) => admin.actAs(body.email ? { email: body.email } : body.userId) },
  clock: { method: 'POST', run: (admin, body) => admin.setClock(body.time ?? null, { tick: body.tick }) },
  ids: { method: 'POST', run: (admin, body) => admin.setIdSequence(body.prefix ?? null, { next: body.next }) },
}

/**
 * The admin API over HTTP, for tests in any language: `POST /_offwrite/<projectId>/seed` with the seed JSON,
 * `GET …/requests`, `GET …/export`, and so on. Answers 200 with the result, or 400 with `{ message }`.
 */
export const handleAdminRoute = async (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  adminOf: (projectId: string) => Promise<ProjectAdmin>,
): Promise<void> => {
  const [, projectId, name] = ADMIN_PATH.exec(url.pathname) ?? []
  const action = ACTIONS[name ?? '']
  if (!action || !projectId) return sendJson(res, 404, { message: `no admin action ${url.pathname}` })
  if (req.method !== action.method) return sendJson(res, 405, { message: `use ${action.method} for ${name}` })
  try {
    const body = action.method === 'POST' ? await readJson(req) : {}
    const result = await action.run(await adminOf(decodeURIComponent(projectId)), body, url)
    sendJson(res, 200, result ?? { ok: true })
  } catch (error) {
    sendJson(res, 400, { message: (error as Error).message })
  }
}
