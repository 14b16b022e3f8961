import { CURRENT_FORMAT, renderModel } from '../formats/index.js'
import type { EngineEvent } from '../store/write-path.js'

/** Keys the routes declare sensitive for realtime: removed from the payload entirely, not blanked. */
const REALTIME_SENSITIVE: Record<string, string[]> = { token: ['secret'] }

/**
 * The event with its payload rendered as its response model, as a client caller would see it (secrets blank),
 * minus the keys Appwrite keeps out of realtime payloads (`Event::getRealtimePayload`). Run where the event
 * is made (the worker), so raw records never travel to pages.
 * @note Appwrite shapes the payload by the triggering request's response format; engine events do not carry
 * it, so the current format (the v27 SDK's) is used.
 */
export const renderEventPayload = (event: EngineEvent, format: string = CURRENT_FORMAT): EngineEvent => {
  const rendered = renderModel(event.model, event.payload, format, { showSensitive: false })
  const payload = rendered && typeof rendered === 'object' ? { ...(rendered as Record<string, unknown>) } : {}
  for (const key of REALTIME_SENSITIVE[event.model] ?? []) delete payload[key]
  return { ...event, payload }
}
