/**
 * The wording of the messages, after Appwrite's English locale (`app/config/locale/translations/en.json`),
 * as plain text: enough for a person to recognise and for a test to read the link or code from.
 */
interface Vars {
  project: string
  user?: string
  link?: string
  code?: string
  phrase?: string
  team?: string
  owner?: string
}

type Wording = { subject: string; text: string }

const lines = (...parts: Array<string | false | undefined>) => parts.filter((p) => p !== false && p !== undefined).join('\n')
const phraseLine = (phrase?: string) =>
  !!phrase && `Security phrase for this email is ${phrase}. You can trust this email if this phrase matches the phrase shown during sign in.`

export const wording = {
  verification: (v: Vars): Wording => ({
    subject: 'Account Verification',
    text: lines(`Hey ${v.user || 'there'},`, '', 'Follow this link to verify your email address.', v.link, '',
      'If you didn’t ask to verify this address, you can ignore this message.', '', 'Thanks,', `${v.project} team`),
  }),
  recovery: (v: Vars): Wording => ({
    subject: 'Password Reset',
    text: lines(`Hello ${v.user || ''},`, '', `Follow this link to reset your ${v.project} password.`, v.link, '',
      'If you didn’t ask to reset your password, you can ignore this message.', '', 'Thanks,', `${v.project} team`),
  }),
  magicUrl: (v: Vars): Wording => ({
    subject: `${v.project} Login`,
    text: lines('Hello,', '', `Click the link below to securely sign in to your ${v.project} account. This link will expire in 1 hour.`,
      v.link, phraseLine(v.phrase), '', 'Thanks,', `${v.project} team`),
  }),
  emailOtp: (v: Vars): Wording => ({
    subject: `OTP for ${v.project} Login`,
    text: lines('Hello,', '', `Enter the following verification code when prompted to securely sign in to your ${v.project} account. This code will expire in 15 minutes.`,
      v.code, phraseLine(v.phrase), '', 'Thanks,', `${v.project} team`),
  }),
  invitation: (v: Vars): Wording => ({
    subject: `Invitation to ${v.team} Team at ${v.project}`,
    text: lines('Hello,', '', `This mail was sent to you because ${v.owner || 'someone'} wanted to invite you to become a member of the ${v.team} team at ${v.project}.`,
      v.link, '', 'If you are not interested, you can ignore this message.', '', 'Thanks,', `${v.project} team`),
  }),
  mfaEmail: (v: Vars): Wording => ({
    subject: `Verification Code for ${v.project}`,
    text: lines(`Hello ${v.user || ''},`, '', `Enter the following code to confirm your sign in to ${v.project}.`,
      v.code, '', 'Thanks,', `${v.project} team`),
  }),
  /** Appwrite's `sms.verification.body`: every SMS (login, verification, MFA) says the same. */
  sms: (v: Vars): Wording => ({ subject: '', text: `${v.code} is your ${v.project} verification code.` }),
  /** A phone-only team invitation carries the link itself (`sms-base.tpl` with `{{token}}` = the URL). */
  smsInvitation: (v: Vars): Wording => ({ subject: '', text: v.link ?? '' }),
}
