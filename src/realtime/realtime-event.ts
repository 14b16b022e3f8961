import type { EngineEvent } from '../store/write-path.js'
import { eventTarget } from './channels.js'
import { expandEventNames } from './event-names.js'

/** An engine event as the realtime server publishes it (Appwrite's pub/sub message). */
export interface RealtimeEvent {
  projectId: string
  /** Every generated name; the first is the concrete one. */
  events: string[]
  /** Every channel it is published to (subscribers see all of them, not only the ones they matched). */
  channels: string[]
  /** Roles that may receive it; `any` for everyone. */
  roles: string[]
  /** Team and membership events: recompute the affected user's roles before delivering. */
  permissionsChanged: boolean
  /**
   * Whose roles changed: the membership's user. `null` with `permissionsChanged` (a team was created, and the
   * engine event does not say by whom) means every authenticated connection.
   */
  userId: string | null
  timestamp: string
  payload: Record<string, unknown>
}

/**
 * Expands an engine event (payload already rendered, see `renderEventPayload`) into what subscribers get, or
 * `null` when Appwrite publishes nothing for it (no channel, no role, or the console project).
 */
export const toRealtimeEvent = (event: EngineEvent): RealtimeEvent | null => {
  const [first, ...others] = event.events
  if (!first || event.projectId === 'console') return null
  const events = [...new Set([first, ...others].flatMap(expandEventNames))]
  const target = eventTarget(events[0], event.projectId, event.readRoles)
  if (target.channels.length === 0 || target.roles.length === 0) return null
  const payloadUser = event.payload.userId
  return {
    projectId: event.projectId,
    events,
    channels: target.channels,
    roles: target.roles,
    permissionsChanged: target.permissionsChanged,
    userId: target.permissionsChanged && first.split('.')[2] === 'memberships' && typeof payloadUser === 'string' ? payloadUser : null,
    timestamp: event.timestamp,
    payload: event.payload,
  }
}
