import type { Params } from '../../engine/read-params.js'
import { compareVersions } from '../../formats/versions.js'
import type { RequestFilter } from './types.js'
import { requestV1_5 } from './v1-5.js'
import { requestV1_6 } from './v1-6.js'

/**
 * Request steps, oldest first. Steps of Appwrite's that touch only routes offwrite does not serve (functions,
 * projects, platforms, webhooks, migrations) are left out; see docs/compat.md.
 */
export const requestFilters: readonly RequestFilter[] = [requestV1_5, requestV1_6]

/** Brings an older client's params up to today's API, step by step (a request without a format is current). */
export const applyRequestFilters = (format: string, operationId: string, params: Params): Params => {
  let out = params
  for (const filter of requestFilters) {
    const step = filter.operations[operationId]
    if (step && compareVersions(format, filter.below) < 0) out = step(out)
  }
  return out
}
