import { Account, type Client } from 'appwrite'
import type { NodeEmulator } from '../../support/node-emulator.js'

export { serverCall } from '../../support/node-calls.js'
import { serverCall } from '../../support/node-calls.js'

/** Creates `db` with a collection `books` (or a table, through TablesDB) and the given attributes. */
export const makeCollection = async (
  emu: NodeEmulator,
  options: { api?: 'databases' | 'tablesdb'; id?: string; permissions?: string[]; security?: boolean; attributes?: object[]; indexes?: object[] } = {},
) => {
  const api = options.api ?? 'databases'
  const tables = api === 'tablesdb'
  const call = (method: string, path: string, body?: unknown) => serverCall(emu, method, path, body)
  const db = await call('POST', `/${api}`, { databaseId: 'db', name: 'Main' })
  if (db.status !== 201 && db.body?.type !== 'database_already_exists') throw new Error(JSON.stringify(db.body))
  const id = options.id ?? 'books'
  const created = await call('POST', `/${api}/db/${tables ? 'tables' : 'collections'}`, {
    [tables ? 'tableId' : 'collectionId']: id,
    name: id,
    permissions: options.permissions ?? ['read("any")', 'create("any")', 'update("any")', 'delete("any")'],
    [tables ? 'rowSecurity' : 'documentSecurity']: options.security ?? false,
    [tables ? 'columns' : 'attributes']: options.attributes ?? [],
    indexes: options.indexes ?? [],
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  return created.body
}

/** A signed-in web-SDK client for a new user. */
export const signedIn = async (emu: NodeEmulator, email: string): Promise<{ client: Client; userId: string }> => {
  emu.signOutLocally()
  const client = emu.client()
  const account = new Account(client)
  const user = await account.create({ userId: 'unique()', email, password: 'password123' })
  await account.createEmailPasswordSession({ email, password: 'password123' })
  return { client, userId: user.$id }
}
