import { fileURLToPath } from 'node:url'
import { expect, test } from '../../src/playwright/index.js'
import { stopServiceWorkers } from '../support/service-worker-cdp.js'

// Every test gets its own backend: a fresh context, the worker installed, the project reset and seeded.
test.use({
  offwriteOptions: {
    projectId: 'club',
    seed: fileURLToPath(new URL('./seed.json', import.meta.url)),
    clock: '2030-04-05T06:07:08.000Z',
  },
})

test('a seeded user logs in through the app', async ({ page, offwrite }) => {
  await page.goto('/')
  await page.getByLabel('Email', { exact: true }).fill('ann@example.com')
  await page.getByLabel('Password').fill('ann password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.locator('#status')).toHaveText('Signed in as Ann')
  await expect(page.locator('#teams li')).toHaveText(['Chess club'])
  // The fixed clock makes dates stable.
  await expect(page.locator('#since')).toHaveText('Member since 2030-04-05')
  const login = (await offwrite.requests()).find((r) => r.path === '/account/sessions/email')
  expect(login).toMatchObject({ method: 'POST', status: 201 })
})

test('signIn() starts the app signed in, and the test reads what the app wrote', async ({ page, offwrite }) => {
  await offwrite.signIn({ email: 'ann@example.com' })
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('Signed in as Ann')
  await page.getByLabel('Name').fill('Ann Lee')
  await page.getByRole('button', { name: 'Rename' }).click()
  await expect(page.locator('#status')).toHaveText('Signed in as Ann Lee')
  const user = await offwrite.api('GET', '/users/ann')
  expect(user.name).toBe('Ann Lee')
  const rename = (await offwrite.requests()).find((r) => r.path === '/account/name')
  expect(rename?.roles).toContain('user:ann')
})

test('an invitation the app sends lands in the outbox', async ({ page, offwrite }) => {
  await offwrite.signIn('ann')
  await page.goto('/')
  await page.getByLabel('Invite email').fill('cleo@example.com')
  await page.getByRole('button', { name: 'Invite' }).click()
  await expect(page.locator('#invited')).toHaveText('Invited cleo@example.com')
  const [invitation] = await offwrite.outbox({ to: 'cleo@example.com' })
  expect(invitation.kind).toBe('invitation')
  expect(invitation.link).toContain('/join?')
  expect(invitation.data.teamId).toBe('chess')
})

test('the request log says which rule refused a request', async ({ page, offwrite }) => {
  await offwrite.signIn('bob')
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('Signed in as Bob')
  // Bob is a member of the chess club but not an owner: the app's invite fails, and the log tells why.
  await page.getByLabel('Invite email').fill('dan@example.com')
  await page.getByRole('button', { name: 'Invite' }).click()
  await expect(page.locator('#error')).not.toBeEmpty()
  const [refused] = await offwrite.requests({ refusedOnly: true })
  expect(refused).toMatchObject({ method: 'POST', path: '/teams/chess/memberships', userId: 'bob' })
  expect(refused.status).toBe(401)
  expect(refused.refusal).toMatchObject({ type: 'user_unauthorized' })
  expect(refused.roles).toEqual(expect.arrayContaining(['user:bob', 'team:chess']))
})

test('each test starts from the seed again', async ({ page, offwrite }) => {
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('Guest')
  expect((await offwrite.api('GET', '/teams/chess')).name).toBe('Chess club')
  // The project file's collection, with its seeded document, as the server API sees it.
  const games = await offwrite.api('GET', '/databases/club/collections/games/documents')
  expect(games.documents).toEqual([expect.objectContaining({ $id: 'g1', white: 'ann', moves: 41 })])
  expect(await offwrite.outbox()).toEqual([])
})

test('the fixed clock and ID sequence survive a worker restart', async ({ page, offwrite }) => {
  await offwrite.setIdSequence('club-')
  const first = await offwrite.api('POST', '/teams', { teamId: 'unique()', name: 'Go club' })
  expect(first.$id).toBe('club-000001')
  // The browser stops idle workers whenever it likes; the next call starts a new one with empty memory.
  await stopServiceWorkers(page)
  const second = await offwrite.api('POST', '/teams', { teamId: 'unique()', name: 'Bridge club' })
  expect(second.$id).toBe('club-000002')
  expect(second.$createdAt).toBe('2030-04-05T06:07:08.000+00:00')
})

test('the handle works while the page is on another origin', async ({ page, offwrite }) => {
  await page.goto('about:blank')
  expect((await offwrite.api('GET', '/users/ann')).email).toBe('ann@example.com')
  expect(await offwrite.outbox()).toEqual([])
})
