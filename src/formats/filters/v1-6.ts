import type { FormatStep, Json } from './step.js'

/**
 * 1.6 → 1.5 (Appwrite's V18): 1.5 reported a completed execution whose function answered 4xx as failed.
 * @note As in Appwrite: single executions only, not lists; and it reads `statusCode`, a name only the older
 * V16 step (applied after this one) brings back, so today the status is left as it is.
 */
const execution = (data: Json): Json => {
  const { scheduledAt: _scheduled, ...out } = data
  const code = Number(out.statusCode)
  if (out.status === 'completed' && code >= 400 && code < 500) out.status = 'failed'
  return out
}

export const v1_6: FormatStep = {
  below: '1.6.0',
  models: { execution },
}
