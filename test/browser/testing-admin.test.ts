import { describe, expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'

const harness = useHarness()

describe('the admin API on the page handle (comlink to the worker)', () => {
  test('seeds, acts as a user, logs requests, reads the outbox, exports and imports', async () => {
    const emu = await harness.page()
    await emu.start()
    const result = await emu.run(async ({ appwrite, client, emulator }) => {
      const { admin } = emulator
      await admin.setClock('2032-02-03T04:05:06.000Z')
      const seeded = await admin.seed('test', {
        data: {
          users: [{ $id: 'ann', email: 'ann@example.com', password: 'ann password', name: 'Ann' }],
          teams: [{ $id: 'club', name: 'Club', members: [{ userId: 'ann', roles: ['owner'] }] }],
        },
      })
      const session = await admin.actAs('test', { email: 'ann@example.com' })
      localStorage.setItem('cookieFallback', session.cookieFallback)
      const me = await new appwrite.Account(client).get()
      await new appwrite.Teams(client).createMembership({ teamId: 'club', roles: [], email: 'bo@example.com', url: `${location.origin}/join` })
      const [invitation] = await admin.outbox('test', { to: 'bo@example.com' })
      const log = await admin.requests('test')
      const exported = await admin.exportProject('test')
      await admin.reset('test')
      const afterReset = await new appwrite.Account(client).get().then(() => 'signed in', (e) => e.type)
      await admin.importProject('test', exported)
      const restored = await new appwrite.Account(client).get()
      await admin.setClock(null)
      return { seeded, me, invitation, log, afterReset, restored: restored.$id }
    })
    expect(result.seeded).toMatchObject({ users: ['ann'], teams: ['club'] })
    expect(result.me).toMatchObject({ $id: 'ann', name: 'Ann', registration: '2032-02-03T04:05:06.000+00:00' })
    expect(result.invitation).toMatchObject({ kind: 'invitation', to: 'bo@example.com' })
    const get = result.log.find((entry) => entry.path === '/account' && entry.userId === 'ann')
    expect(get).toMatchObject({ method: 'GET', status: 200, apiKey: false })
    expect(get?.roles).toContain('team:club/owner')
    // After a reset the session is gone too; the import brings the user and the session back.
    expect(result.afterReset).toBe('general_unauthorized_scope')
    expect(result.restored).toBe('ann')
  })
})
