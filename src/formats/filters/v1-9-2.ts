import { type FormatStep, eachOf, omit } from './step.js'

const membership = omit('userPhone')

/** 1.9.2 → 1.9.1 (Appwrite's V23; its project, email template and mock number parts are console models). */
export const v1_9_2: FormatStep = {
  below: '1.9.2',
  models: {
    membership,
    membershipList: eachOf('memberships', membership),
  },
}
