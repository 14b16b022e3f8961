import type { ServiceDefinition } from '../../engine/context.js'
import { createAccount, createAnonymousSession } from './create.js'
import { createJwt } from './jwt.js'
import {
  getAccount, getPrefs, listIdentities, updateEmail, updateName, updatePassword, updatePhone, updatePrefs, updateStatus,
} from './profile.js'
import {
  createEmailPasswordSession, deleteSession, deleteSessions, getSession, listSessions, updateSession,
} from './sessions.js'

/** The client Account API (`/v1/account*`). The auth stores belong to the users service. */
export const accountService: ServiceDefinition = {
  name: 'account',
  routes: {
    accountCreate: createAccount,
    accountGet: getAccount,
    accountCreateEmailPasswordSession: createEmailPasswordSession,
    accountCreateAnonymousSession: createAnonymousSession,
    accountListSessions: listSessions,
    accountGetSession: getSession,
    accountUpdateSession: updateSession,
    accountDeleteSession: deleteSession,
    accountDeleteSessions: deleteSessions,
    accountCreateJWT: createJwt,
    accountGetPrefs: getPrefs,
    accountUpdatePrefs: updatePrefs,
    accountUpdateName: updateName,
    accountUpdateEmail: updateEmail,
    accountUpdatePhone: updatePhone,
    accountUpdatePassword: updatePassword,
    accountUpdateStatus: updateStatus,
    accountListIdentities: listIdentities,
  },
}
