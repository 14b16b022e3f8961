/**
 * Where Appwrite publishes an event (`Realtime::fromPayload`): its channels and the roles that may receive it,
 * decided from the first (fully concrete) event name.
 */

const SUPPORTED_ACTIONS = new Set(['create', 'update', 'upsert', 'delete'])

/** Channels whose last or second-to-last segment is one of these get an action-suffixed copy. */
const RESOURCE_LEAF_NAMES = new Set([
  'documents',
  'rows',
  'files',
  'executions',
  'functions',
  'account',
  'teams',
  'memberships',
  'presences',
])

export interface EventDestination {
  channels: string[]
  /** Roles allowed to receive it (`any` for everyone). */
  roles: string[]
  /** Team and membership events make the realtime server recompute the affected user's roles first. */
  permissionsChanged: boolean
}

const databaseChannels = (prefix: string, kind: 'legacy' | 'tablesdb', db: string, table: string, id: string) =>
  kind === 'tablesdb'
    ? ['rows', `${prefix}.${db}.tables.${table}.rows`, `${prefix}.${db}.tables.${table}.rows.${id}`]
    : ['documents', `${prefix}.${db}.collections.${table}.documents`, `${prefix}.${db}.collections.${table}.documents.${id}`]

/** The channels and permission flag of an event family; roles come from the resource (`readRoles`). */
const familyChannels = (parts: string[], projectId: string, readRoles: string[]): Omit<EventDestination, 'roles'> & { roles?: string[] } => {
  const [family, id, sub, subId] = parts
  switch (family) {
    case 'users':
      return { channels: ['account', `account.${id}`], roles: [`user:${id}`], permissionsChanged: false }
    case 'teams':
      return sub === 'memberships'
        ? { channels: ['memberships', `memberships.${subId}`], roles: [`team:${id}`], permissionsChanged: !!parts[4] }
        : { channels: ['teams', `teams.${id}`], roles: [`team:${id}`], permissionsChanged: sub === 'create' }
    case 'databases':
    case 'tablesdb':
    case 'documentsdb':
    case 'vectorsdb': {
      if (parts[4] !== 'documents' && parts[4] !== 'rows') return { channels: [], permissionsChanged: false }
      const doc = parts[5]
      const channels =
        family === 'databases' || family === 'tablesdb'
          ? [
              ...databaseChannels('databases', 'legacy', id, subId, doc),
              ...databaseChannels('databases', 'tablesdb', id, subId, doc),
              ...databaseChannels('tablesdb', 'tablesdb', id, subId, doc),
            ]
          : databaseChannels(family, 'legacy', id, subId, doc)
      return { channels: [...new Set(channels)], permissionsChanged: false }
    }
    case 'buckets':
      return sub === 'files'
        ? { channels: ['files', `buckets.${id}.files`, `buckets.${id}.files.${subId}`], permissionsChanged: false }
        : { channels: [], permissionsChanged: false }
    case 'functions':
      // @note Executions without read permissions (guest or API-key runs) are never published.
      return sub === 'executions' && readRoles.length > 0
        ? {
            channels: ['console', `projects.${projectId}`, 'executions', `executions.${subId}`, `functions.${id}`],
            permissionsChanged: false,
          }
        : { channels: [], permissionsChanged: false }
    case 'presences':
      return { channels: ['presences', `presences.${id}`], permissionsChanged: false }
    default:
      // Project-schema events (attributes, indexes, deployments, rules…) go to the console project only.
      return { channels: [], permissionsChanged: false }
  }
}

/** The action for the channel suffix: the last segment, or the second-to-last before an attribute. */
const suffixAction = (parts: string[]): string | null => {
  const last = parts[parts.length - 1]
  const beforeLast = parts[parts.length - 2]
  const action = SUPPORTED_ACTIONS.has(last) ? last : SUPPORTED_ACTIONS.has(beforeLast) ? beforeLast : null
  // @note Only top-level user events are suffixed: a session or verification is not an `account.create`.
  if (action && parts[0] === 'users' && parts[2] !== action) return null
  return action
}

/**
 * The channels and roles of an event, from its first (concrete) name.
 * @example
 * eventTarget('users.U.update', 'p', ['user:U']).channels // ['account', 'account.U', 'account.update', 'account.U.update']
 */
export const eventTarget = (firstName: string, projectId: string, readRoles: string[]): EventDestination => {
  const parts = firstName.split('.')
  const family = familyChannels(parts, projectId, readRoles)
  const roles = family.roles ?? readRoles
  const action = suffixAction(parts)
  let channels = family.channels
  if (action && channels.length > 0) {
    const suffixed = channels.filter((channel) => {
      const segments = channel.split('.')
      return RESOURCE_LEAF_NAMES.has(segments[segments.length - 1]) || RESOURCE_LEAF_NAMES.has(segments[segments.length - 2])
    })
    channels = [...new Set([...channels, ...suffixed.map((c) => `${c}.${action}`)])]
  }
  return { channels, roles, permissionsChanged: family.permissionsChanged }
}
