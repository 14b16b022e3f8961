import { expect, test } from 'vitest'
import { useHarness } from '../support/harness.js'

const harness = useHarness()

test('an app with its own service worker pulls offwrite in with importScripts', async () => {
  const emu = await harness.page()
  await emu.start({ projectId: 'test', workerUrl: '/custom-sw.js' })
  const result = await emu.run(async ({ appwrite, client }) => {
    const account = new appwrite.Account(client)
    await account.create({ userId: 'own', email: 'own@example.com', password: 'own password' })
    await account.createEmailPasswordSession({ email: 'own@example.com', password: 'own password' })
    return {
      me: await account.get(),
      mine: await fetch('/mine').then((r) => r.text()),
      script: navigator.serviceWorker.controller?.scriptURL,
    }
  })
  expect(result.me.email).toBe('own@example.com')
  expect(result.mine).toBe('answered by the app worker')
  expect(result.script).toMatch(/\/custom-sw\.js$/)
  expect(harness.server.apiLeaks()).toEqual([])
})
