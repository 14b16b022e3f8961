import type { RequestContext, ServiceDefinition } from '../engine/context.js'
import type { RouteSpec } from '../engine/route-spec.js'
import { invalidParam } from '../errors/index.js'
import { OUTBOX_STORE, type OutboxMessage, outboxStores } from './message.js'
import { type OutboxFilter, readOutbox } from './read-outbox.js'

const text = (name: string) => ({ name, in: 'query' as const, type: 'string', required: false })

/** offwrite's own routes (not Appwrite's): open to any caller, as a dev mailbox is. */
const routes: RouteSpec[] = [
  {
    operationId: 'offwriteListOutbox',
    method: 'GET',
    path: '/offwrite/outbox',
    service: 'offwrite',
    scopes: [],
    group: null,
    source: 'client',
    params: [text('to'), text('userId'), text('kind'), text('channel'), text('since'), { ...text('limit'), type: 'integer' }],
    response: { status: 200, model: null, models: null, binary: false },
  },
  {
    operationId: 'offwriteClearOutbox',
    method: 'DELETE',
    path: '/offwrite/outbox',
    service: 'offwrite',
    scopes: [],
    group: null,
    source: 'client',
    params: [],
    response: { status: 204, model: null, models: null, binary: false },
  },
]

const listOutbox = async (ctx: RequestContext) => {
  const { to, userId, kind, channel, since, limit } = ctx.params as Record<string, unknown>
  if (limit !== undefined && (typeof limit !== 'number' || limit < 0)) throw invalidParam('limit', 'Value must be a valid integer')
  const filter = { to, userId, kind, channel, since, limit } as OutboxFilter
  const messages: OutboxMessage[] = await readOutbox(ctx.store, filter)
  return { total: messages.length, messages }
}

const clearOutbox = async (ctx: RequestContext) => {
  await ctx.store.write((w) => w.clear(OUTBOX_STORE))
  return undefined
}

/**
 * The outbox service: the store every flow captures its messages in, and `GET/DELETE /v1/offwrite/outbox`
 * (query `to`, `userId`, `kind`, `channel`, `since`, `limit`; newest first).
 */
export const outboxService: ServiceDefinition = {
  name: 'outbox',
  stores: outboxStores,
  extraRoutes: routes,
  routes: { offwriteListOutbox: listOutbox, offwriteClearOutbox: clearOutbox },
}
