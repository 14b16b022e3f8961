import { type BroadcastMessage, EVENTS_CHANNEL, type EngineEvent } from '../../protocol.js'

/**
 * Listens to the events the worker broadcasts to every tab of the origin, in the order it commits them.
 * @note A BroadcastChannel never delivers a page's own posts back to it, but the worker is the only sender.
 */
export const listenToWorkerEvents = (publish: (events: EngineEvent[]) => void): (() => void) => {
  const channel = new BroadcastChannel(EVENTS_CHANNEL)
  channel.onmessage = (event: MessageEvent<BroadcastMessage>) => {
    if (event.data?.type === 'offwrite/events') publish(event.data.events)
  }
  return () => channel.close()
}
