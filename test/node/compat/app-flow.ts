/** What the flow needs to know; the SDK module itself comes as the first argument. */
export interface FlowOptions {
  major: number
  endpoint: string
  projectId: string
  email: string
  /** A 1×1 PNG, as numbers (the flow is sent to the page as source text); none skips the storage part. */
  png?: number[]
  /** In the page: subscribe with the SDK's `client.subscribe` and collect what arrives (`emulator.realtime`). */
  realtime?: { settled(): Promise<void> }
}

// biome-ignore lint/suspicious/noExplicitAny: every SDK major has its own types; the flow speaks to all of them.
type AnySdk = any

/**
 * A small app, written as an app on that SDK major writes it (positional params before 20, object params from
 * 20, the SDK's own `Query` helpers, which send the old `equal("a", ["v"])` syntax before 15): sign up, sign in,
 * a team, documents with queries, a file and its preview. Returns every answer for the test to check.
 * @note Self-contained (no imports, no outer names): browser tests send it to the page as source text.
 */
export const appFlow = async (appwrite: AnySdk, o: FlowOptions) => {
  const { Client, Account, Teams, Databases, Storage, ID, Query, Permission, Role } = appwrite
  const objects = o.major >= 20
  const call = (target: AnySdk, method: string, named: Record<string, unknown>) =>
    objects ? target[method](named) : target[method](...Object.values(named))

  const client = new Client().setEndpoint(o.endpoint).setProject(o.projectId)
  const account = new Account(client)
  const password = 'password123'
  const user = await call(account, 'create', { userId: ID.unique(), email: o.email, password, name: 'Ann' })
  const signIn = o.major < 14 ? 'createEmailSession' : 'createEmailPasswordSession'
  const session = await call(account, signIn, { email: o.email, password })

  const received: Array<{ events: string[]; channels: string[]; payload: Record<string, unknown> }> = []
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await wait(30)
  }
  const unsubscribe = o.realtime
    ? client.subscribe(['account', 'databases.db.collections.books.documents'], (message: (typeof received)[number]) => received.push(message))
    : null
  if (o.realtime) {
    // Older clients open the socket 50 ms later, then sign it in with the stored session.
    await until(() => !!client.realtime.lastMessage)
    await o.realtime.settled()
  }
  await call(account, 'updatePrefs', { prefs: { theme: 'dark' } })
  const me = await account.get()
  const sessions = await account.listSessions()
  const jwt = await account.createJWT()

  const teams = new Teams(client)
  const team = await call(teams, 'create', { teamId: ID.unique(), name: 'Readers' })
  const teamList = await call(teams, 'list', { queries: [Query.equal('name', ['Readers']), Query.limit(5)] })
  const memberships = await call(teams, 'listMemberships', { teamId: team.$id })

  const databases = new Databases(client)
  const at = { databaseId: 'db', collectionId: 'books' }
  const mine = [Permission.read(Role.user(user.$id)), Permission.update(Role.user(user.$id)), Permission.delete(Role.user(user.$id))]
  const create = (title: string, pages: number) =>
    call(databases, 'createDocument', { ...at, documentId: ID.unique(), data: { title, pages }, permissions: mine })
  const dune = await create('Dune', 412)
  await create('Emma', 320)
  await create('Ulysses', 730)
  const listed = await call(databases, 'listDocuments', {
    ...at,
    queries: [Query.greaterThan('pages', 400), Query.orderDesc('pages'), Query.limit(10)],
  })
  const byTitle = await call(databases, 'listDocuments', { ...at, queries: [Query.equal('title', ['Emma', 'Dune']), Query.orderAsc('title')] })
  const page = await call(databases, 'listDocuments', { ...at, queries: [Query.orderAsc('pages'), Query.cursorAfter(dune.$id)] })
  const got = await call(databases, 'getDocument', { ...at, documentId: dune.$id })
  const updated = await call(databases, 'updateDocument', { ...at, documentId: dune.$id, data: { pages: 413 } })
  await call(databases, 'deleteDocument', { ...at, documentId: dune.$id })
  const gone = await call(databases, 'getDocument', { ...at, documentId: dune.$id }).then(
    () => null,
    (error: { code: number; type: string }) => ({ code: error.code, type: error.type }),
  )

  if (o.realtime) {
    await o.realtime.settled()
    await until(() => received.length >= 6)
    unsubscribe()
  }
  const events = received.map((m) => ({ events: m.events, channels: m.channels, title: m.payload.title ?? null }))

  // A related document: clients before 1.8 get it loaded with every read; 1.8 and later only when selected.
  const author = await call(databases, 'createDocument', { databaseId: 'db', collectionId: 'authors', documentId: ID.unique(), data: { name: 'Frank Herbert' } })
  const messiah = await call(databases, 'createDocument', {
    ...at, documentId: ID.unique(), data: { title: 'Dune Messiah', pages: 256, author: author.$id }, permissions: mine,
  })
  const withAuthor = await call(databases, 'getDocument', { ...at, documentId: messiah.$id })
  const authors = await call(databases, 'listDocuments', { databaseId: 'db', collectionId: 'authors' })
  const related = { author, withAuthor, authors }

  const answers = { user, session, me, sessions, jwt, team, teamList, memberships, dune, listed, byTitle, page, got, updated, gone, events, related }
  if (!o.png) return { ...answers, file: null, files: null, preview: null }

  const storage = new Storage(client)
  const bytes = new Uint8Array(o.png)
  const file = await call(storage, 'createFile', {
    bucketId: 'photos',
    fileId: ID.unique(),
    file: new File([bytes], 'dot.png', { type: 'image/png' }),
    permissions: [Permission.read(Role.any())],
  })
  const files = await call(storage, 'listFiles', { bucketId: 'photos', queries: [Query.equal('name', ['dot.png'])] })
  const previewUrl = String(call(storage, 'getFilePreview', { bucketId: 'photos', fileId: file.$id, width: 8, height: 8 }))
  const preview = await fetch(previewUrl)

  return {
    ...answers,
    file,
    files,
    preview: { status: preview.status, type: preview.headers.get('content-type'), size: (await preview.arrayBuffer()).byteLength },
  }
}
