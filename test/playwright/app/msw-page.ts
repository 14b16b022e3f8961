// A page whose app already uses msw: offwrite's handlers in msw's own service worker (setupWorker), the
// engine in the page on its IndexedDB.
import { Account, Client, Realtime } from 'appwrite'
import { setupWorker } from 'msw/browser'
import { createOffwrite, offwriteHandlers } from 'offwrite/msw'

const endpoint = `${location.origin}/v1`
const offwrite = await createOffwrite({
  projectId: 'msw-app',
  seed: { data: { users: [{ $id: 'ann', email: 'ann@example.com', password: 'ann password', name: 'Ann' }] } },
})
await setupWorker(...offwriteHandlers(offwrite, endpoint)).start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } })

const client = new Client().setEndpoint(endpoint).setProject('msw-app')
const account = new Account(client)

Object.assign(window, {
  signIn: () => account.createEmailPasswordSession({ email: 'ann@example.com', password: 'ann password' }),
  me: () => account.get(),
  // Subscribes, renames, and resolves with the first account event.
  renameAndListen: async (name: string) => {
    const event = new Promise((resolve) => void new Realtime(client).subscribe('account', resolve))
    await offwrite.realtimeSettled()
    await account.updateName({ name })
    return event
  },
})
document.title = 'ready'
