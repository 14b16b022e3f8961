import { type FormatStep, type Json, eachOf, rename } from './step.js'

/** 2.0 executions name the resource they ran (functions or sites); before, always a function. */
const execution = (data: Json): Json => {
  const { resourceType: _type, ...rest } = rename(data, 'resourceId', 'functionId')
  return rest
}

/** 2.0 → 1.9.5 (Appwrite's V27; its migration part concerns routes offwrite does not serve). */
export const v2_0: FormatStep = {
  below: '2.0.0',
  models: {
    execution,
    executionList: eachOf('executions', execution),
  },
}
