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
