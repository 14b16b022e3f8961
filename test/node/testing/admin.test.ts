import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { createAdminEngine } from '../../../src/admin/index.js'

const start = (projects: NonNullable<Parameters<typeof createAdminEngine>[0]>['projects'] = ['demo']) =>
  createAdminEngine({ indexedDB: new IDBFactory(), IDBKeyRange, projects })

const call = (engine: ReturnType<typeof start>['engine'], path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers)
  headers.set('x-appwrite-project', 'demo')
  if (init.body) headers.set('content-type', 'application/json')
  return engine.handle(new Request(`http://x/v1${path}`, { ...init, headers }))
}

const signIn = (engine: ReturnType<typeof start>['engine'], email: string, password: string) =>
  call(engine, '/account/sessions/email', { method: 'POST', body: JSON.stringify({ email, password }) })

describe('admin API', () => {
  it('seeds users with passwords, labels and verification through the Users API', async () => {
    const { engine, admin } = start()
    const result = await admin('demo').seed({
      data: {
        users: [
          { $id: 'ann', email: 'Ann@example.com', password: 'ann password', name: 'Ann', labels: ['admin'], emailVerification: true },
          { email: 'bob@example.com', password: 'bob password', status: false },
        ],
      },
    })
    expect(result.users[0]).toBe('ann')
    expect(result.users[1]).toMatch(/^[0-9a-f]{20}$/)
    expect((await signIn(engine, 'ann@example.com', 'ann password')).status).toBe(201)
    const blocked = await signIn(engine, 'bob@example.com', 'bob password')
    expect([blocked.status, (await blocked.json()).type]).toEqual([403, 'user_blocked'])
    const ann = await admin('demo').api<{ labels: string[]; emailVerification: boolean }>('GET', '/users/ann')
    expect(ann.labels).toEqual(['admin'])
    expect(ann.emailVerification).toBe(true)
    engine.close()
  })

  it('refuses a seed that breaks Appwrite rules and names the request', async () => {
    const { engine, admin } = start()
    const seeding = admin('demo').seed({ data: { users: [{ $id: 'x', email: 'x@example.com', password: 'short' }] } })
    await expect(seeding).rejects.toThrow(/POST \/users → 400 general_argument_invalid: Invalid `password` param/)
    engine.close()
  })

  it('acts as a user by id or email without their password', async () => {
    const { engine, admin } = start()
    await admin('demo').seed({ data: { users: [{ $id: 'cleo', email: 'cleo@example.com', password: 'cleo password' }] } })
    const session = await admin('demo').actAs({ email: 'cleo@example.com' })
    expect(session.userId).toBe('cleo')
    expect(JSON.parse(session.cookieFallback)).toEqual({ a_session_demo: session.secret })
    const me = await call(engine, '/account', { headers: session.headers })
    expect((await me.json()).$id).toBe('cleo')
    const viaCookie = await call(engine, '/account', { headers: { 'x-fallback-cookies': session.cookieFallback } })
    expect(viaCookie.status).toBe(200)
    engine.close()
  })

  it('logs each request with its status, duration, roles and the rule that refused it', async () => {
    const { engine, admin } = start()
    await admin('demo').seed({ data: { users: [{ $id: 'dan', email: 'dan@example.com', password: 'dan password' }] } })
    admin('demo').clearRequests()
    await call(engine, '/account')
    const session = await admin('demo').actAs('dan')
    await call(engine, '/account', { headers: session.headers })
    await call(engine, '/users', { headers: session.headers })
    const log = admin('demo').requests()
    const [guest, , me, users] = log
    expect(guest).toMatchObject({ method: 'GET', path: '/account', status: 401, roles: ['guests'], userId: null })
    expect(guest.refusal).toEqual({
      type: 'general_unauthorized_scope',
      message: 'User (role: guests) missing scopes (["account"])',
      rule: 'scope: needs one of ["account"] (role: guests)',
    })
    expect(log[1]).toMatchObject({ method: 'POST', path: '/users/dan/sessions', status: 201, apiKey: true, roles: [] })
    expect(me).toMatchObject({ status: 200, userId: 'dan', operationId: 'accountGet' })
    expect(me.roles).toContain('user:dan')
    expect(me.durationMs).toBeGreaterThanOrEqual(0)
    expect(me.refusal).toBeUndefined()
    expect(users.refusal?.rule).toBe('server route: needs an API key (role: users)')
    expect(admin('demo').requests({ refusedOnly: true })).toHaveLength(2)
    engine.close()
  })

  it('fixes the clock and the ID sequence, and restarts the sequence on reset', async () => {
    const { engine, admin } = start()
    const project = admin('demo')
    project.setClock('2030-01-02T03:04:05.000Z')
    project.setIdSequence('user-')
    const seeded = await project.seed({
      data: { users: [{ email: 'e@example.com', password: 'e password' }, { email: 'f@example.com', password: 'f password' }] },
    })
    // Each user also gets an email target, which takes the next ID.
    expect(seeded.users).toEqual(['user-000001', 'user-000003'])
    const user = await project.api<{ $id: string; $createdAt: string }>('GET', '/users/user-000003')
    expect(user.$createdAt).toBe('2030-01-02T03:04:05.000+00:00')
    await project.reset()
    expect(project.requests()).toEqual([])
    const again = await project.seed({ data: { users: [{ email: 'e@example.com', password: 'e password' }] } })
    expect(again.users).toEqual(['user-000001'])
    project.setClock(null)
    project.setIdSequence(null)
    const real = await project.seed({ data: { users: [{ email: 'g@example.com', password: 'g password' }] } })
    expect(real.users[0]).toMatch(/^[0-9a-f]{20}$/)
    expect(() => project.setIdSequence('bad prefix')).toThrow(/invalid ID prefix/)
    engine.close()
  })

  it('exports a project to JSON and imports it into another emulator', async () => {
    const first = start()
    await first.admin('demo').seed({ data: { users: [{ $id: 'hal', email: 'hal@example.com', password: 'hal password' }] } })
    const exported = await first.admin('demo').export()
    const json = JSON.parse(JSON.stringify(exported))
    expect(json.format).toBe('offwrite-project')
    expect(json.tables.users).toHaveLength(1)
    first.engine.close()

    const second = start()
    await second.admin('demo').import(json)
    expect((await signIn(second.engine, 'hal@example.com', 'hal password')).status).toBe(201)
    await expect(second.admin('demo').import({ format: 'other' } as never)).rejects.toThrow(/not an offwrite project export/)
    second.engine.close()
  })
})

describe('admin API: teams and the outbox', () => {
  it('seeds teams with confirmed members whose roles reach permissions', async () => {
    const { engine, admin } = start()
    const project = admin('demo')
    await project.seed({
      teams: [{ $id: 'readers', name: 'Readers' }],
      data: {
        users: [{ $id: 'ivy', email: 'ivy@example.com', password: 'ivy password' }],
        teams: [{ $id: 'editors', name: 'Editors', members: [{ userId: 'ivy', roles: ['lead'] }] }],
      },
    })
    const memberships = await project.api<{ total: number; memberships: Array<{ confirm: boolean; roles: string[] }> }>(
      'GET',
      '/teams/editors/memberships',
    )
    expect(memberships.total).toBe(1)
    expect(memberships.memberships[0]).toMatchObject({ confirm: true, roles: ['lead'] })
    expect((await project.api<{ name: string }>('GET', '/teams/readers')).name).toBe('Readers')
    const session = await project.actAs('ivy')
    await call(engine, '/account', { headers: session.headers })
    expect(project.requests().at(-1)?.roles).toEqual(expect.arrayContaining(['team:editors', 'team:editors/lead']))
    engine.close()
  })

  it('reads the outbox: an invitation a user sent by email', async () => {
    const { engine, admin } = start()
    const project = admin('demo')
    await project.seed({
      data: {
        users: [{ $id: 'jo', email: 'jo@example.com', password: 'jo password' }],
        teams: [{ $id: 'club', name: 'Club', members: [{ userId: 'jo', roles: ['owner'] }] }],
      },
    })
    const session = await project.actAs('jo')
    const invited = await call(engine, '/teams/club/memberships', {
      method: 'POST',
      headers: session.headers,
      body: JSON.stringify({ email: 'kim@example.com', roles: [], url: 'http://localhost/join' }),
    })
    expect(invited.status).toBe(201)
    const [message] = await project.outbox({ to: 'kim@example.com' })
    expect(message).toMatchObject({ kind: 'invitation', channel: 'email', to: 'kim@example.com' })
    expect(message.link).toContain('http://localhost/join?')
    expect(message.secret).not.toBe('')
    engine.close()
  })
})

describe('admin API: buckets and files', () => {
  it('seeds the project file\'s buckets and files, and exports the bytes', async () => {
    const { engine, admin } = start()
    const project = admin('demo')
    const seeded = await project.seed({
      buckets: [{ $id: 'docs', name: 'Docs', $permissions: ['read("any")'], fileSecurity: false }],
      data: {
        files: {
          docs: [
            { $id: 'readme', name: 'readme.txt', content: 'hello offwrite' },
            { $id: 'pixel', name: 'pixel.bin', base64: 'AAEC/w==' },
          ],
        },
      },
    })
    expect(seeded.files).toEqual(['readme', 'pixel'])
    const download = await call(engine, '/storage/buckets/docs/files/readme/download')
    expect(await download.text()).toBe('hello offwrite')
    const file = await project.api<{ sizeOriginal: number; name: string }>('GET', '/storage/buckets/docs/files/pixel')
    expect(file).toMatchObject({ sizeOriginal: 4, name: 'pixel.bin' })

    // The export carries the bytes as base64, so a restored project serves the same file.
    const exported = JSON.parse(JSON.stringify(await project.export()))
    const other = start()
    await other.admin('demo').import(exported)
    const again = await call(other.engine, '/storage/buckets/docs/files/pixel/download')
    expect([...new Uint8Array(await again.arrayBuffer())]).toEqual([0, 1, 2, 255])
    other.engine.close()
    engine.close()
  })
})

describe('admin API: databases', () => {
  it('seeds the project file\'s collections and tables, then documents and rows with permissions', async () => {
    const { engine, admin } = start()
    const project = admin('demo')
    const seeded = await project.seed({
      databases: [{ $id: 'blog', name: 'Blog' }],
      collections: [
        {
          $id: 'posts', databaseId: 'blog', name: 'Posts', documentSecurity: true, $permissions: [],
          attributes: [
            { key: 'title', type: 'string', size: 100, required: true },
            { key: 'views', type: 'integer', required: false, default: 0 },
          ],
          indexes: [{ key: 'by_title', type: 'key', attributes: ['title'], orders: ['ASC'] }],
        },
      ],
      tablesDB: [{ $id: 'shop', name: 'Shop' }],
      tables: [{ $id: 'items', databaseId: 'shop', name: 'Items', $permissions: ['read("any")'], columns: [{ key: 'sku', type: 'string', size: 20, required: true }] }],
      data: {
        users: [{ $id: 'lea', email: 'lea@example.com', password: 'lea password' }],
        documents: {
          'blog/posts': [
            { $id: 'public', title: 'Hello', $permissions: ['read("any")'] },
            { $id: 'private', title: 'Draft', views: 3, $permissions: ['read("user:lea")'] },
          ],
        },
        rows: { 'shop/items': [{ $id: 'i1', sku: 'A-1' }] },
      },
    })
    expect(seeded).toMatchObject({ documents: ['public', 'private'], rows: ['i1'] })
    const guest = await (await call(engine, '/databases/blog/collections/posts/documents')).json()
    expect(guest.documents.map((d: { $id: string }) => d.$id)).toEqual(['public'])
    const lea = await project.actAs('lea')
    const mine = await (await call(engine, '/databases/blog/collections/posts/documents', { headers: lea.headers })).json()
    expect(mine.total).toBe(2)
    expect(mine.documents.find((d: { $id: string }) => d.$id === 'public').views).toBe(0)
    const row = await (await call(engine, '/tablesdb/shop/tables/items/rows/i1')).json()
    expect(row).toMatchObject({ $id: 'i1', sku: 'A-1', $tableId: 'items' })
    // A document that breaks the schema is refused with the request that made it.
    await expect(project.seed({ data: { documents: { 'blog/posts': [{ views: 1 }] } } })).rejects.toThrow(
      /POST \/databases\/blog\/collections\/posts\/documents → 400 document_invalid_structure/,
    )
    engine.close()
  })
})
