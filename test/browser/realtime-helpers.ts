import type { EmulatorPage } from '../support/emulator-page.js'

/** A realtime message as the SDK hands it to a callback. */
export interface Message {
  events: string[]
  channels: string[]
  timestamp: string
  payload: Record<string, any>
  subscriptions: string[]
}

export interface SubscribeOptions {
  /** Use the older `client.subscribe()` instead of `new Realtime(client).subscribe()`. */
  legacy?: boolean
  queries?: string[]
  /** Subscribe with this page-side client (see `signUp`) instead of the default one. */
  as?: string
}

/**
 * Subscribes in the page; the callback's messages are kept in `window.__rt.messages[name]`, and the
 * subscription in `window.__rt.subs[name]` (for `unsubscribe`).
 */
export const subscribe = (emu: EmulatorPage, name: string, channels: string[], options: SubscribeOptions = {}) =>
  emu.run(
    async ({ appwrite, client }, a) => {
      const w = window as any
      w.__rt ??= { messages: {}, subs: {}, clients: {} }
      w.__rt.messages[a.name] = []
      const on = (message: unknown) => w.__rt.messages[a.name].push(message)
      const target = a.as ? w.__rt.clients[a.as] : client
      if (a.legacy) {
        w.__rt.subs[a.name] = { unsubscribe: target.subscribe(a.channels, on, a.queries ?? []) }
        // The older API opens its socket 50 ms later.
        await new Promise((resolve) => setTimeout(resolve, 60))
      } else {
        w.__rt.subs[a.name] = await new appwrite.Realtime(target).subscribe(a.channels, on, a.queries ?? [])
      }
    },
    { name, channels, ...options },
  )

export const unsubscribe = (emu: EmulatorPage, name: string) =>
  emu.run(async (_sdk, n) => (window as any).__rt.subs[n].unsubscribe(), name)

/** Waits until every socket of the page has answered its frames and every event so far is delivered. */
export const settled = (emu: EmulatorPage) => emu.run(({ emulator }) => emulator.realtime.settled())

/** The messages a subscription received so far. */
export const messages = (emu: EmulatorPage, name: string): Promise<Message[]> =>
  emu.run((_sdk, n) => (window as any).__rt?.messages[n] ?? [], name)

/** Waits until a subscription has received `count` messages, then returns them. */
export const waitForMessages = async (emu: EmulatorPage, name: string, count: number): Promise<Message[]> => {
  await emu.page.waitForFunction(([n, c]) => ((window as any).__rt?.messages[n]?.length ?? 0) >= c, [name, count] as const, {
    timeout: 5_000,
  })
  return messages(emu, name)
}

/**
 * Signs a user up and in with the page's own client (the SDK keeps the session in localStorage), and returns
 * their id. With `keepAside`, the session is moved to a client of its own (`setSession`), named `keepAside`,
 * and the page's stored session is put back: two users at once in one origin.
 */
export const signUp = (emu: EmulatorPage, email: string, name: string, keepAside?: string): Promise<string> =>
  emu.run(
    async ({ appwrite, client }, a) => {
      const w = window as any
      w.__rt ??= { messages: {}, subs: {}, clients: {} }
      const before = localStorage.getItem('cookieFallback')
      // The tab's stored session (another user's) must not ride along: sign in as nobody first.
      if (a.keepAside) localStorage.removeItem('cookieFallback')
      const account = new appwrite.Account(client)
      const user = await account.create({ userId: appwrite.ID.unique(), email: a.email, password: 'password123', name: a.name })
      await account.createEmailPasswordSession({ email: a.email, password: 'password123' })
      if (a.keepAside) {
        const session = JSON.parse(localStorage.getItem('cookieFallback') ?? '{}')[`a_session_${client.config.project}`]
        if (before === null) localStorage.removeItem('cookieFallback')
        else localStorage.setItem('cookieFallback', before)
        w.__rt.clients[a.keepAside] = new appwrite.Client()
          .setEndpoint(client.config.endpoint)
          .setProject(client.config.project)
          .setSession(session)
      }
      return user.$id
    },
    { email, name, keepAside },
  )
