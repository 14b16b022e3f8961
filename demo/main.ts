import { Account, AppwriteException, Client, ID, type Models } from 'appwrite'
import { startEmulator } from 'offwrite'

const PROJECT = 'demo'
const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T

// Nothing may reach the network before the worker controls the page: start first, then make the client.
const { endpoint } = await startEmulator({ projectId: PROJECT })
const account = new Account(new Client().setEndpoint(endpoint).setProject(PROJECT))

type Prefs = Models.Preferences & { theme?: string }

const show = (user: Models.User<Prefs> | null) => {
  $('#signed-out').hidden = !!user
  $('#signed-in').hidden = !user
  $('#status').textContent = user ? `Signed in (endpoint ${endpoint})` : `Signed out (endpoint ${endpoint})`
  document.body.classList.toggle('dark', user?.prefs.theme === 'dark')
  if (!user) return
  $('#who').textContent = user.name || user.email || 'guest'
  $('#profile').innerHTML = ''
  for (const [key, value] of Object.entries({ id: user.$id, email: user.email || '—', name: user.name || '—', since: user.registration })) {
    $('#profile').append(Object.assign(document.createElement('dt'), { textContent: key }))
    $('#profile').append(Object.assign(document.createElement('dd'), { textContent: value }))
  }
  ;($('#profile-form').querySelector('[name=name]') as HTMLInputElement).value = user.name
  ;($('#profile-form').querySelector('[name=theme]') as HTMLSelectElement).value = String(user.prefs.theme ?? 'light')
  void account.listSessions().then(({ sessions }) => {
    $('#sessions').replaceChildren(
      ...sessions.map((s) =>
        Object.assign(document.createElement('li'), {
          textContent: `${s.clientName || 'unknown client'} on ${s.osName || 'unknown OS'}${s.current ? ' (this one)' : ''}`,
        }),
      ),
    )
  })
}

const refresh = async () => show(await account.get<Prefs>().catch(() => null))

/** Runs an action, showing Appwrite's error message when it fails. */
const act = async (action: () => Promise<unknown>) => {
  $('#error').textContent = ''
  try {
    await action()
    await refresh()
  } catch (error) {
    $('#error').textContent = error instanceof AppwriteException ? `${error.message} (${error.type})` : String(error)
  }
}

const fields = (form: HTMLFormElement) => Object.fromEntries(new FormData(form)) as Record<string, string>

$('#signup').addEventListener('submit', (event) => {
  event.preventDefault()
  const { name, email, password } = fields(event.target as HTMLFormElement)
  void act(async () => {
    await account.create({ userId: ID.unique(), email, password, name })
    await account.createEmailPasswordSession({ email, password })
  })
})

$('#login').addEventListener('submit', (event) => {
  event.preventDefault()
  const { email, password } = fields(event.target as HTMLFormElement)
  void act(() => account.createEmailPasswordSession({ email, password }))
})

$('#anonymous').addEventListener('click', () => void act(() => account.createAnonymousSession()))

$('#profile-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const { name, theme } = fields(event.target as HTMLFormElement)
  void act(async () => {
    await account.updateName({ name })
    await account.updatePrefs({ prefs: { theme } })
  })
})

$('#logout').addEventListener('click', () => void act(() => account.deleteSession({ sessionId: 'current' })))

await refresh()
