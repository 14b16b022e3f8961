import type { ServiceDefinition } from '../../engine/context.js'
import { createUser, userImportRoutes } from './create.js'
import {
  deleteUser, getPrefs, getUser, updateEmail, updateEmailVerification, updateLabels, updateName, updatePassword,
  updatePhone, updatePhoneVerification, updatePrefs, updateStatus,
} from './manage.js'
import { listUsers } from './list.js'
import { deleteIdentity, getTarget, listIdentities, listLogs, listMemberships, listTargets } from './related.js'
import { createJwt, createSession, createToken, deleteSession, deleteSessions, listSessions } from './server-sessions.js'
import { authStores } from './stores.js'

/** The server Users API (`/v1/users*`, API key only) and the auth stores every auth flow shares. */
export const usersService: ServiceDefinition = {
  name: 'users',
  stores: authStores,
  routes: {
    usersList: listUsers,
    usersCreate: createUser,
    ...userImportRoutes,
    usersGet: getUser,
    usersDelete: deleteUser,
    usersUpdateName: updateName,
    usersUpdateEmail: updateEmail,
    usersUpdatePhone: updatePhone,
    usersUpdatePassword: updatePassword,
    usersUpdateStatus: updateStatus,
    usersUpdateLabels: updateLabels,
    usersUpdateEmailVerification: updateEmailVerification,
    usersUpdatePhoneVerification: updatePhoneVerification,
    usersGetPrefs: getPrefs,
    usersUpdatePrefs: updatePrefs,
    usersListSessions: listSessions,
    usersCreateSession: createSession,
    usersDeleteSession: deleteSession,
    usersDeleteSessions: deleteSessions,
    usersCreateToken: createToken,
    usersCreateJWT: createJwt,
    usersListTargets: listTargets,
    usersGetTarget: getTarget,
    usersListMemberships: listMemberships,
    usersListIdentities: listIdentities,
    usersDeleteIdentity: deleteIdentity,
    usersListLogs: listLogs,
  },
}
