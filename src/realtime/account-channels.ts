/**
 * The subscriber side of the `account` channels (`Realtime::convertChannels` and `rebindAccountChannels`):
 * a connection only ever listens to its own user's account events.
 */

const ACTIONS = new Set(['create', 'update', 'upsert', 'delete'])

/**
 * The channels a subscription is registered under, for a connection of `userId` (`''` for a guest):
 * `account` also adds `account.<userId>`, `account.<action>` becomes `account.<userId>.<action>` (a guest keeps
 * it literally), and every other `account.*` channel is dropped. Anything else stays as written.
 */
export const convertChannels = (channels: readonly string[], userId: string): string[] => {
  // Added and renamed channels go to the end, as keys added to a PHP array do.
  const out = new Set(channels)
  for (const channel of new Set(channels)) {
    const rest = channel.slice('account.'.length)
    if (channel === 'account') {
      if (userId) out.add(`account.${userId}`)
    } else if (channel.startsWith('account.') && ACTIONS.has(rest)) {
      if (userId) {
        out.delete(channel)
        out.add(`account.${userId}.${rest}`)
      }
    } else if (channel.startsWith('account.')) {
      out.delete(channel)
    }
  }
  return [...out]
}

/**
 * Rewrites a subscription's stored account channels when its connection changes user (`authentication`):
 * a guest's literal `account.<action>` and the previous user's `account.<old>[.<action>]` follow the new user.
 */
export const rebindAccountChannels = (channels: readonly string[], oldUserId: string, newUserId: string): string[] => {
  if (newUserId === '' || oldUserId === newUserId) return [...channels]
  return channels.map((channel) => {
    if (!channel.startsWith('account.')) return channel
    const rest = channel.slice('account.'.length)
    if (oldUserId === '') return ACTIONS.has(rest) ? `account.${newUserId}.${rest}` : channel
    if (rest === oldUserId) return `account.${newUserId}`
    if (rest.startsWith(`${oldUserId}.`) && ACTIONS.has(rest.slice(oldUserId.length + 1))) {
      return `account.${newUserId}.${rest.slice(oldUserId.length + 1)}`
    }
    return channel
  })
}
