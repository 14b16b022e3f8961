import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, ID, Users } from 'node-appwrite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type OffwriteServer, serve } from '../../../src/node/serve.js'

let server: OffwriteServer
beforeAll(async () => {
  server = await serve({ port: 0, projects: ['proj'], apiKeys: ['server-key'] })
})
afterAll(() => server.close())

const admin = () => new Client().setEndpoint(server.endpoint).setProject('proj').setKey('server-key')

describe('offwrite serve with node-appwrite', () => {
  it('answers the Users API over real HTTP', async () => {
    const users = new Users(admin())
    const created = await users.create({ userId: ID.unique(), email: 'nia@example.com', password: 'nia password', name: 'Nia' })
    expect(created.$id).toMatch(/^[0-9a-f]{20}$/)
    expect(created.password).toMatch(/^\$argon2id\$/)
    expect((await users.updateName({ userId: created.$id, name: 'Nia B' })).name).toBe('Nia B')
    const session = await users.createSession({ userId: created.$id })
    expect(session.secret).not.toBe('')
    await users.delete({ userId: created.$id })
    await expect(users.get({ userId: created.$id })).rejects.toMatchObject({ code: 404, type: 'user_not_found' })
  })

  it('refuses a wrong API key as Appwrite does', async () => {
    const users = new Users(admin().setKey('wrong'))
    await expect(users.get({ userId: 'x' })).rejects.toMatchObject({ code: 401, type: 'user_unauthorized' })
  })

  it('answers curl-style requests and its admin API over HTTP', async () => {
    const ping = await fetch(`${server.endpoint}/ping`, { headers: { 'x-appwrite-project': 'proj' } })
    expect(ping.status).toBe(200)
    const seeded = await fetch(`${server.url}/_offwrite/proj/seed`, {
      method: 'POST',
      body: JSON.stringify({ data: { users: [{ $id: 'oli', email: 'oli@example.com', password: 'oli password' }] } }),
    })
    expect((await seeded.json()).users).toEqual(['oli'])
    const log = await (await fetch(`${server.url}/_offwrite/proj/requests?limit=1`)).json()
    expect(log[0]).toMatchObject({ method: 'POST', path: '/users', status: 201, apiKey: true })
    const bad = await fetch(`${server.url}/_offwrite/proj/ids`, { method: 'POST', body: JSON.stringify({ prefix: 'no spaces' }) })
    expect(bad.status).toBe(400)
  })
})

describe('offwrite serve --data', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offwrite-data-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('keeps the data across a restart', async () => {
    const first = await serve({ port: 0, data: dir })
    const client = new Client().setEndpoint(first.endpoint).setProject('kept').setKey('any')
    await new Users(client).create({ userId: 'pia', email: 'pia@example.com', password: 'pia password' })
    await first.close()
    expect(await readdir(dir)).toEqual(['kept.offwrite.json'])

    const second = await serve({ port: 0, data: dir })
    const again = new Client().setEndpoint(second.endpoint).setProject('kept').setKey('any')
    expect((await new Users(again).get({ userId: 'pia' })).email).toBe('pia@example.com')
    await second.close()
  })
})
