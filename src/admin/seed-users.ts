import type { AdminClient } from './admin-caller.js'
import type { SeedTeam, SeedUser } from './seed-types.js'

/** Creates the users through `users.create` and the follow-up updates an admin would make. */
export const seedUsers = async (api: AdminClient, users: readonly SeedUser[]): Promise<string[]> => {
  const ids: string[] = []
  for (const user of users) {
    const created = await api.op('usersCreate', {
      userId: user.$id ?? 'unique()',
      email: user.email,
      phone: user.phone,
      password: user.password,
      name: user.name,
    })
    const userId = String(created.$id)
    if (user.labels?.length) await api.op('usersUpdateLabels', { userId, labels: user.labels })
    if (user.prefs) await api.op('usersUpdatePrefs', { userId, prefs: user.prefs })
    if (user.emailVerification) await api.op('usersUpdateEmailVerification', { userId, emailVerification: true })
    if (user.phoneVerification) await api.op('usersUpdatePhoneVerification', { userId, phoneVerification: true })
    if (user.status === false) await api.op('usersUpdateStatus', { userId, status: false })
    ids.push(userId)
  }
  return ids
}

/** Creates the teams and adds their members by user id (an API key's memberships are confirmed at once). */
export const seedTeams = async (api: AdminClient, teams: readonly SeedTeam[]): Promise<string[]> => {
  const ids: string[] = []
  for (const team of teams) {
    // A team the project file names may exist from an earlier start: seeding the schema is idempotent.
    const created = await api.op('teamsCreate', { teamId: team.$id, name: team.name }).catch((error) => {
      if ((error as { type?: string }).type === 'team_already_exists' && !team.members?.length) return { $id: team.$id }
      throw error
    })
    const teamId = String(created.$id)
    for (const member of team.members ?? []) {
      await api.op('teamsCreateMembership', { teamId, userId: member.userId, roles: member.roles ?? [] })
    }
    ids.push(teamId)
  }
  return ids
}
