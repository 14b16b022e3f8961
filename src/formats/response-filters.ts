import { formatSteps } from './filters/index.js'
import type { Json } from './filters/step.js'
import { compareVersions } from './versions.js'

/**
 * Downgrades a rendered model to the client's response format (`X-Appwrite-Response-Format`), step by step from
 * the newest, as Appwrite's response filters do. Requests without the header are answered in the current format.
 */
export const applyResponseFilters = (format: string, model: string, data: unknown): unknown => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data
  let out = data as Json
  for (const step of formatSteps) {
    const reshape = step.models[model]
    if (reshape && compareVersions(format, step.below) < 0) out = reshape(out)
  }
  return out
}
