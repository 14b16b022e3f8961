import { compareVersions } from './versions.js'

type Json = Record<string, unknown>

/**
 * A downgrade step: for clients whose format is below `below`, reshape the named model.
 * Applied newest first, as Appwrite's `Response/Filters/V*` are, so each step sees the output of the newer one.
 */
export interface ResponseFilter {
  below: string
  model: string
  apply(data: Json): Json
}

const omit = (data: Json, ...keys: string[]) => {
  const out = { ...data }
  for (const key of keys) delete out[key]
  return out
}

/** Known format differences; older SDK formats slot in here (one entry per model change). */
export const responseFilters: ResponseFilter[] = [
  {
    below: '2.0.0',
    model: 'execution',
    apply: ({ resourceId, resourceType, ...rest }) => ({ ...rest, functionId: resourceId }),
  },
  { below: '2.0.0', model: 'file', apply: (data) => omit(data, 'folder', 'key') },
  { below: '2.0.0', model: 'mfaFactors', apply: (data) => omit(data, 'custom') },
  { below: '1.9.2', model: 'membership', apply: (data) => omit(data, 'userPhone') },
  { below: '1.9.0', model: 'user', apply: (data) => omit(data, 'impersonator', 'impersonatorUserId') },
]

/** The list models whose items are themselves filtered (`{total, sessions: [...]}` → session). */
const LIST_ITEMS: Record<string, [string, string]> = {
  fileList: ['files', 'file'],
  executionList: ['executions', 'execution'],
  membershipList: ['memberships', 'membership'],
  userList: ['users', 'user'],
}

export const applyResponseFilters = (format: string, model: string, data: unknown): unknown => {
  if (!data || typeof data !== 'object') return data
  const list = LIST_ITEMS[model]
  if (list) {
    const [key, item] = list
    const json = data as Json
    if (Array.isArray(json[key])) {
      return { ...json, [key]: (json[key] as unknown[]).map((entry) => applyResponseFilters(format, item, entry)) }
    }
  }
  let out = data as Json
  for (const filter of responseFilters) {
    if (filter.model === model && compareVersions(format, filter.below) < 0) out = filter.apply(out)
  }
  return out
}
