// A small app as a user of offwrite would write it: the official SDK, pointed at offwrite by startEmulator().
import { Account, Client, Teams } from 'appwrite'
import { startEmulator } from 'offwrite'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

const { endpoint } = await startEmulator({ projectId: 'club' })
const client = new Client().setEndpoint(endpoint).setProject('club')
const account = new Account(client)
const teams = new Teams(client)

const show = async () => {
  try {
    const me = await account.get()
    $('status').textContent = `Signed in as ${me.name || me.email}`
    $('since').textContent = `Member since ${me.registration.slice(0, 10)}`
    const list = await teams.list()
    $('teams').replaceChildren(...list.teams.map((t) => Object.assign(document.createElement('li'), { textContent: t.name })))
    $('member').hidden = false
    $('login').hidden = true
  } catch {
    $('status').textContent = 'Guest'
    $('member').hidden = true
    $('login').hidden = false
  }
}

const form = (id: string, run: (data: FormData) => Promise<unknown>) =>
  $(id).addEventListener('submit', async (event) => {
    event.preventDefault()
    $('error').textContent = ''
    try {
      await run(new FormData(event.target as HTMLFormElement))
      await show()
    } catch (error) {
      $('error').textContent = (error as Error).message
    }
  })

form('login', (data) => account.createEmailPasswordSession({ email: String(data.get('email')), password: String(data.get('password')) }))
form('rename', (data) => account.updateName({ name: String(data.get('name')) }))
form('invite', async (data) => {
  await teams.createMembership({ teamId: 'chess', roles: [], email: String(data.get('email')), url: `${location.origin}/join` })
  $('invited').textContent = `Invited ${data.get('email')}`
})
$('logout').addEventListener('click', async () => {
  await account.deleteSession({ sessionId: 'current' })
  await show()
})
await show()
