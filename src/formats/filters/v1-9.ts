import { type FormatStep, type Json, eachOf, omit } from './step.js'

const user = omit('impersonator', 'impersonatorUserId')

/** Before 1.9 `$sequence` was an integer; related documents nested in a document are cast too. */
const castSequence = (data: Json): Json => {
  const out: Json = { ...data }
  if (out.$sequence !== undefined && out.$sequence !== null) {
    const text = String(out.$sequence).trim()
    out.$sequence = text !== '' && Number.isFinite(Number(text)) ? Math.trunc(Number(text)) : 0
  }
  for (const [key, value] of Object.entries(out)) {
    if (Array.isArray(value)) out[key] = value.map((item) => (isDocument(item) ? castSequence(item) : item))
    else if (isDocument(value)) out[key] = castSequence(value)
  }
  return out
}

const isDocument = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && '$id' in value

/** 1.9 → 1.8 (Appwrite's V21; its platform, site and function parts concern routes offwrite does not serve). */
export const v1_9: FormatStep = {
  below: '1.9.0',
  models: {
    user,
    userList: eachOf('users', user),
    document: castSequence,
    documentList: eachOf('documents', castSequence),
    row: castSequence,
    rowList: eachOf('rows', castSequence),
  },
}
