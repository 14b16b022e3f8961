/** Scopes of a caller without a session (app/config/roles.php, role `guests`). */
export const GUEST_SCOPES: readonly string[] = [
  'global', 'public', 'home', 'console', 'graphql', 'sessions.write', 'documents.read', 'documents.write',
  'rows.read', 'rows.write', 'embeddings.write', 'files.read', 'files.write', 'locale.read', 'avatars.read',
  'executions.write', 'execution.write', 'documentsdb.documents.read', 'documentsdb.documents.write',
  'vectorsdb.documents.read', 'vectorsdb.documents.write',
]

/** Scopes of a signed-in user (role `users`): the guests' plus the account's own. */
export const USER_SCOPES: readonly string[] = [
  ...GUEST_SCOPES, 'account', 'teams.read', 'teams.write', 'presences.read', 'presences.write', 'projects.read',
  'executions.read', 'execution.read', 'targets.read', 'targets.write', 'subscribers.read', 'subscribers.write',
  'assistant.read', 'rules.read',
]

const RESOURCE_SCOPES: Array<[RegExp, string]> = [
  [/\/(documents|rows)(\/|$)/, '$1'],
  [/\/(attributes|columns)(\/|$)/, '$1'],
  [/\/indexes(\/|$)/, 'indexes'],
  [/\/(collections|tables)(\/|$)/, '$1'],
  [/^\/storage\/buckets\/[^/]+\/files/, 'files'],
  [/^\/storage\/buckets/, 'buckets'],
  [/^\/(databases|tablesdb)/, 'databases'],
  [/^\/users/, 'users'],
  [/^\/teams/, 'teams'],
  [/^\/functions\/[^/]+\/executions/, 'execution'],
  [/^\/functions/, 'functions'],
  [/^\/messaging/, 'messages'],
  [/^\/tokens/, 'tokens'],
]

/**
 * The scopes a route needs. Client routes name theirs in the spec; server-only routes do not, so the scope is
 * derived from the resource the path names, as Appwrite's scope names go (`users.read`, `documents.write`, …).
 */
export const routeScopes = (route: { path: string; method: string; scopes: string[] }): string[] => {
  if (route.scopes.length) return route.scopes
  const action = route.method === 'GET' ? 'read' : 'write'
  for (const [pattern, scope] of RESOURCE_SCOPES) {
    const match = pattern.exec(route.path)
    if (match) return [`${scope.replace('$1', match[1] ?? '')}.${action}`]
  }
  return []
}
