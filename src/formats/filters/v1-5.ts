import { type FormatStep, eachOf, omit } from './step.js'

const user = omit('targets', 'mfa')
const membership = omit('mfa')
const session = omit('factors', 'secret')

/** 1.5 → 1.4 (Appwrite's V17): MFA, messaging targets and token phrases arrived in 1.5. */
export const v1_5: FormatStep = {
  below: '1.5.0',
  models: {
    user,
    userList: eachOf('users', user),
    membership,
    membershipList: eachOf('memberships', membership),
    session,
    sessionList: eachOf('sessions', session),
    token: omit('phrase'),
  },
}
