import type { ServiceDefinition } from '../../engine/context.js'
import { acceptMembership } from './accept.js'
import { createMembership } from './invite.js'
import { deleteMembership, getMembership, listMemberships, updateMembership } from './memberships.js'
import { teamStores } from './records.js'
import { createTeam, deleteTeam, getTeam, getTeamPrefs, listTeams, updateTeamName, updateTeamPrefs } from './teams.js'

/**
 * The Teams API (`/v1/teams*`). Confirmed memberships give their users the roles `team:<id>`,
 * `team:<id>/<role>` and `member:<membershipId>`, which the engine reads from the `memberships` store.
 */
export const teamsService: ServiceDefinition = {
  name: 'teams',
  stores: teamStores,
  routes: {
    teamsCreate: createTeam,
    teamsList: listTeams,
    teamsGet: getTeam,
    teamsUpdateName: updateTeamName,
    teamsDelete: deleteTeam,
    teamsGetPrefs: getTeamPrefs,
    teamsUpdatePrefs: updateTeamPrefs,
    teamsListMemberships: listMemberships,
    teamsCreateMembership: createMembership,
    teamsGetMembership: getMembership,
    teamsUpdateMembership: updateMembership,
    teamsDeleteMembership: deleteMembership,
    teamsUpdateMembershipStatus: acceptMembership,
  },
}
