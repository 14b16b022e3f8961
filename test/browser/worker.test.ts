import { describe, expect, test } from 'vitest'
import { expectModel } from '../support/expect-model.js'
import { useHarness } from '../support/harness.js'

const harness = useHarness()

const ADA = { email: 'ada@example.com', password: 'analytical-engine-1843', name: 'Ada' }

describe('transport', () => {
  test('the page is controlled before startEmulator resolves, and the first SDK call is answered by the worker', async () => {
    const emu = await harness.page()
    const started = await emu.start()
    expect(started).toEqual({ endpoint: `${harness.server.origin}/v1`, projectId: 'test', controlled: true })

    const [response, error] = await Promise.all([
      emu.page.waitForResponse('**/v1/account'),
      emu.run(({ appwrite, client }) => new appwrite.Account(client).get()).catch((e) => e),
    ])
    expect(error).toMatchObject({ name: 'AppwriteException', code: 401, type: 'general_unauthorized_scope' })
    expect(response.fromServiceWorker()).toBe(true)
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('an unknown route is Appwrite’s general_route_not_found', async () => {
    const emu = await harness.page()
    await emu.start()
    const call = emu.run(({ client }) => client.call('get', new URL(`${client.config.endpoint}/no/such/route`)))
    await expect(call).rejects.toMatchObject({ name: 'AppwriteException', code: 404, type: 'general_route_not_found' })
  })

  test('an unknown project is project_not_found', async () => {
    const emu = await harness.page()
    await emu.start()
    const call = emu.run(({ appwrite, client }) => {
      const other = new appwrite.Client().setEndpoint(client.config.endpoint).setProject('no-such-project')
      return new appwrite.Account(other).get()
    })
    await expect(call).rejects.toMatchObject({ name: 'AppwriteException', code: 404, type: 'project_not_found' })
  })

  test('a cross-origin endpoint is answered too', async () => {
    const emu = await harness.page()
    const { endpoint } = await emu.start({ endpoint: 'https://cloud.appwrite.io/v1' })
    expect(endpoint).toBe('https://cloud.appwrite.io/v1')
    const call = emu.run(({ appwrite, client }) => new appwrite.Account(client).get())
    await expect(call).rejects.toMatchObject({ code: 401, type: 'general_unauthorized_scope' })
    expect(emu.offsite).toEqual([])
  })

  test('requests outside the endpoint go to the network untouched', async () => {
    const emu = await harness.page()
    await emu.start()
    const [response, echoed] = await Promise.all([
      emu.page.waitForResponse('**/echo/plain'),
      emu.run(() => fetch('/echo/plain', { headers: { 'x-custom': 'kept' } }).then((r) => r.json())),
    ])
    expect(response.fromServiceWorker()).toBe(false)
    expect(echoed.headers['x-custom']).toBe('kept')

    // Below `/v1`, but not the registered endpoint: another origin's API is not ours either.
    await emu.run(() => fetch('https://api.example.com/v1/account', { mode: 'no-cors' }))
    expect(emu.offsite).toEqual(['GET https://api.example.com/v1/account'])
  })

  test('startEmulator twice returns the same promise and still works', async () => {
    const emu = await harness.page()
    await emu.open()
    const same = await emu.page.evaluate(async () => {
      const first = window.offwrite.startEmulator({ projectId: 'test' })
      const second = window.offwrite.startEmulator({ projectId: 'test' })
      return first === second && (await first) === (await second)
    })
    expect(same).toBe(true)
    await emu.boot()
    await expect(emu.run(({ appwrite, client }) => new appwrite.Account(client).get())).rejects.toMatchObject({ code: 401 })
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('a page from another build refuses the worker', async () => {
    const emu = await harness.page()
    await emu.open('/stale.html')
    const message = await emu.page.evaluate(() =>
      window.offwrite.startEmulator({ projectId: 'test' }).then(
        () => 'started',
        (error: Error) => error.message,
      ),
    )
    expect(message).toMatch(/^\[offwrite\] the service worker comes from another build \(worker .+, page stale-build\)/)
  })

  test('after a hard reload, which bypasses the worker, startEmulator takes the page back', async () => {
    const emu = await harness.page()
    await emu.start()
    const cdp = await emu.context.newCDPSession(emu.page)
    await cdp.send('Page.reload', { ignoreCache: true })
    await emu.page.waitForFunction(() => 'offwrite' in window)
    expect(await emu.page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()
    expect(await emu.boot()).toMatchObject({ controlled: true })
    await expect(emu.run(({ appwrite, client }) => new appwrite.Account(client).get())).rejects.toMatchObject({ code: 401 })
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('the admin API answers over comlink, also after the worker was stopped', async () => {
    const emu = await harness.page()
    await emu.start()
    const before = await emu.run(({ emulator }) => emulator.admin.hello())
    await emu.stopWorker()
    const after = await emu.run(({ emulator }) => emulator.admin.hello())
    expect(after.build).toBe(before.build)
    expect(after.instance).not.toBe(before.instance)
  })

  test('stop() hands the endpoint back to the network', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.run(({ emulator }) => emulator.stop())
    const call = emu.run(({ appwrite, client }) => new appwrite.Account(client).get())
    await expect(call).rejects.toMatchObject({ code: 599 })
    expect(harness.server.apiLeaks()).toHaveLength(1)
  })
})

describe('account over the worker', () => {
  test('sign up, log in and read the account', async () => {
    const emu = await harness.page()
    await emu.start()
    const user = await emu.run(async ({ appwrite, client }, ada) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: appwrite.ID.unique(), ...ada })
      await account.createEmailPasswordSession({ email: ada.email, password: ada.password })
      return account.get()
    }, ADA)
    expect(user).toMatchObject({ email: ADA.email, name: ADA.name })
    expectModel(user, 'user')
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('engine events are broadcast to the pages', async () => {
    const emu = await harness.page()
    await emu.start()
    const events = await emu.run(async ({ appwrite, client }, ada) => {
      const received: string[][] = []
      const channel = new BroadcastChannel('offwrite-events')
      channel.onmessage = (message) => received.push(...message.data.events.map((e: { events: string[] }) => e.events))
      const account = new appwrite.Account(client)
      await account.create({ userId: 'ada', ...ada })
      await account.createEmailPasswordSession({ email: ada.email, password: ada.password })
      await new Promise((resolve) => setTimeout(resolve, 100))
      channel.close()
      return received
    }, ADA)
    expect(events.flat()).toContainEqual(expect.stringMatching(/^users\.ada\.sessions\.[^.]+\.create$/))
  })

  test('the user stays logged in across a reload and a worker restart', async () => {
    const emu = await harness.page()
    await emu.start()
    await emu.run(async ({ appwrite, client }, ada) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: appwrite.ID.unique(), ...ada })
      await account.createEmailPasswordSession({ email: ada.email, password: ada.password })
    }, ADA)

    await emu.reload()
    expect(await emu.run(({ appwrite, client }) => new appwrite.Account(client).get())).toMatchObject({ email: ADA.email })

    const { instance } = await emu.run(({ emulator }) => emulator.admin.hello())
    await emu.stopWorker()
    expect(await emu.run(({ appwrite, client }) => new appwrite.Account(client).get())).toMatchObject({ email: ADA.email })
    expect((await emu.run(({ emulator }) => emulator.admin.hello())).instance).not.toBe(instance)
    expect(harness.server.apiLeaks()).toEqual([])
  })

  test('header-less URL loads get the session the page last used', async () => {
    const emu = await harness.page()
    const { endpoint } = await emu.start()
    await emu.run(async ({ appwrite, client }, ada) => {
      const account = new appwrite.Account(client)
      await account.create({ userId: appwrite.ID.unique(), ...ada })
      await account.createEmailPasswordSession({ email: ada.email, password: ada.password })
    }, ADA)
    // A plain fetch carries no SDK headers, like `<img src>` or a download link.
    const plainGet = () => emu.run((_sdk, url) => fetch(url).then((r) => r.json()), `${endpoint}/account?project=test`)
    expect(await plainGet()).toMatchObject({ email: ADA.email })

    // The memory survives the worker (IndexedDB), and a reloaded page (a new clientId) gets the project's latest.
    await emu.stopWorker()
    await emu.reload()
    expect(await plainGet()).toMatchObject({ email: ADA.email })

    // A navigation has no clientId at all.
    const tab = await emu.context.newPage()
    await tab.goto(`${endpoint}/account?project=test`)
    expect(JSON.parse((await tab.textContent('body')) ?? '')).toMatchObject({ email: ADA.email })

    // Logging out (`X-Fallback-Cookies: []`) is remembered too.
    await emu.run(({ appwrite, client }) => new appwrite.Account(client).deleteSession({ sessionId: 'current' }))
    expect(await plainGet()).toMatchObject({ code: 401, type: 'general_unauthorized_scope' })
  })
})
