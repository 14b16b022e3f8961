import { type FormatStep, type Json, eachOf, rename } from './step.js'

/** 1.4 executions renamed their response fields; 1.3 clients read the old names. */
const execution = (data: Json): Json => {
  let out = rename(data, 'responseStatusCode', 'statusCode')
  out = rename(out, 'responseBody', 'response')
  out = rename(out, 'logs', 'stdout')
  return rename(out, 'errors', 'stderr')
}

/** 1.4 → 1.3 (Appwrite's V16; its function, deployment, project and variable parts concern routes offwrite does not serve). */
export const v1_4: FormatStep = {
  below: '1.4.0',
  models: {
    execution,
    executionList: eachOf('executions', execution),
  },
}
