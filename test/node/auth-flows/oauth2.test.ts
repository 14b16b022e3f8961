import { Account, OAuthProvider } from 'appwrite'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeEmulator, startNodeEmulator } from '../../support/node-emulator.js'
import { paramsOf, rejection, server } from './support.js'

let emu: NodeEmulator
afterEach(() => emu.close())

const account = () => new Account(emu.client())
const APP = 'http://app.test'

/** Follows what the browser would do with a navigation: GET through the engine. */
const navigate = (url: string) => emu.engine.handle(new Request(url))

/** Submits the stand-in provider's form (the one holding `button`) with the fields a person would fill. */
const submit = async (html: string, button: string, fields: Record<string, string>) => {
  const form = html.split('<form').find((f) => f.includes(button)) ?? ''
  const action = /action="([^"]+)"/.exec(form)?.[1].replace(/&amp;/g, '&') ?? ''
  const url = new URL(action)
  for (const [, name, value] of form.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)) {
    url.searchParams.set(name, value.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
  }
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value)
  return navigate(url.toString())
}

/** Starts a flow from the SDK (which returns the URL when there is no window.location) up to the provider page. */
const openProviderPage = async (url: unknown) => {
  const start = await navigate(String(url))
  expect(start.status).toBe(301)
  expect(start.headers.get('cache-control')).toContain('no-store')
  const page = await navigate(start.headers.get('location') ?? '')
  expect(page.headers.get('content-type')).toContain('text/html')
  return page.text()
}

/** What the hand-over page's script does: stores the session where the SDK keeps its fallback cookie. */
const keepSession = (response: Response) => {
  const cookie = response.headers.get('x-fallback-cookies') ?? ''
  ;(globalThis as unknown as { window: { localStorage: Storage } }).window.localStorage.setItem('cookieFallback', cookie)
}

describe('OAuth2 against the stand-in provider page', () => {
  it('signs in with a typed identity (session flow), creating the user and the identity', async () => {
    emu = startNodeEmulator()
    const url = account().createOAuth2Session({ provider: OAuthProvider.Github, success: `${APP}/home`, failure: `${APP}/login` })
    const html = await openProviderPage(url)
    expect(html).toContain('Sign in with Github')
    const done = await submit(html, 'Continue</button>', { email: 'ada@example.com', name: 'Ada', verified: 'true' })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain(`location.replace("${APP}/home")`)
    keepSession(done)

    const me = await account().get()
    expect([me.email, me.name, me.emailVerification, me.passwordUpdate]).toEqual(['ada@example.com', 'Ada', true, ''])
    const session = await account().getSession({ sessionId: 'current' })
    expect([session.provider, session.providerUid, session.factors]).toEqual(['github', 'ada@example.com', ['email', 'oauth2']])
    expect(session.providerAccessToken).toMatch(/^[0-9a-f]{40}$/)
    const { identities } = await account().listIdentities()
    expect(identities.map((i) => [i.provider, i.providerEmail, i.userId])).toEqual([['github', 'ada@example.com', me.$id]])

    // Next time the provider page offers the known identity.
    emu.signOutLocally()
    const again = await openProviderPage(account().createOAuth2Session({ provider: OAuthProvider.Github, success: `${APP}/home` }))
    const chosen = await submit(again, 'Continue as ada@example.com', {})
    keepSession(chosen)
    expect((await account().get()).$id).toBe(me.$id)
  })

  it('hands the token flow userId and a one-minute secret for createSession', async () => {
    let now = new Date('2026-05-01T08:00:00Z')
    emu = startNodeEmulator({ now: () => now })
    const html = await openProviderPage(account().createOAuth2Token({ provider: OAuthProvider.Google, success: `${APP}/done?step=2`, failure: `${APP}/login` }))
    const back = await submit(html, 'Continue</button>', { email: 'grace@example.com', id: 'g-42', verified: 'true' })
    expect(back.status).toBe(301)
    const { userId, secret, step } = paramsOf(back.headers.get('location') ?? '')
    expect(step).toBe('2')
    expect(secret.split('.')).toHaveLength(3)
    const session = await account().createSession({ userId, secret })
    expect([session.provider, session.providerUid, session.factors]).toEqual(['google', 'g-42', ['email', 'oauth2']])

    emu.signOutLocally()
    const late = await submit(html, 'Continue</button>', { email: 'grace@example.com', id: 'g-42', verified: 'true' })
    now = new Date('2026-05-01T08:01:01Z')
    const stale = paramsOf(late.headers.get('location') ?? '')
    expect((await rejection(account().createSession({ userId: stale.userId, secret: stale.secret }))).type).toBe('user_invalid_token')
  })

  it('returns to the failure URL with Appwrite\'s error on cancel and on an unverified email clash', async () => {
    emu = startNodeEmulator()
    const html = await openProviderPage(account().createOAuth2Session({ provider: OAuthProvider.Github, success: `${APP}/home`, failure: `${APP}/login?x=1` }))
    const cancelled = await submit(html, 'Cancel</button>', { cancel: 'true' })
    expect(cancelled.status).toBe(301)
    const { error, x } = paramsOf(cancelled.headers.get('location') ?? '')
    expect(x).toBe('1')
    expect(JSON.parse(error)).toEqual({ message: 'The github OAuth2 provider returned an error: access_denied', type: 'user_oauth2_provider_error', code: 424 })

    await server(emu, 'POST', '/users', { userId: 'taken', email: 'taken@example.com', password: 'password123' })
    const clash = await submit(html, 'Continue</button>', { email: 'taken@example.com' })
    expect(JSON.parse(paramsOf(clash.headers.get('location') ?? '').error).type).toBe('general_bad_request')
    const linked = await submit(html, 'Continue</button>', { email: 'taken@example.com', verified: 'true' })
    keepSession(linked)
    expect((await account().get()).$id).toBe('taken')
  })

  it('links a provider to the signed-in user, gives an anonymous user its email, and refuses disabled providers', async () => {
    emu = startNodeEmulator({ projects: [{ id: 'test', auth: { oauth2: { facebook: false } } }] })
    const anonymous = await account().createAnonymousSession()
    // A navigation carries the browser's session (the worker lends it); here the test adds it.
    const start = await emu.engine.handle(new Request(String(account().createOAuth2Session({ provider: OAuthProvider.Discord, success: `${APP}/home` }))))
    const pageUrl = start.headers.get('location') ?? ''
    const html = await (await navigate(pageUrl)).text()
    const form = /action="([^"]+)"/.exec(html)?.[1] ?? ''
    const callback = new URL(form)
    callback.searchParams.set('project', 'test')
    callback.searchParams.set('state', new URL(pageUrl).searchParams.get('state') ?? '')
    callback.searchParams.set('email', 'anon@example.com')
    callback.searchParams.set('verified', 'true')
    const cookie = (globalThis as unknown as { window: { localStorage: Storage } }).window.localStorage.getItem('cookieFallback') ?? ''
    const done = await emu.engine.handle(new Request(callback, { headers: { 'x-fallback-cookies': cookie } }))
    keepSession(done)
    const me = await account().get()
    expect([me.$id, me.email, me.emailVerification]).toEqual([anonymous.userId, 'anon@example.com', true])
    expect((await account().listSessions()).total).toBe(1)

    const disabled = await navigate(String(account().createOAuth2Session({ provider: OAuthProvider.Facebook })))
    expect([disabled.status, (await disabled.json()).type]).toEqual([412, 'project_provider_disabled'])
  })
})
