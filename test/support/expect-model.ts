import { readFileSync } from 'node:fs'
import Ajv from 'ajv'

const SPEC = 'appwrite-responses'
// Examples are documentation, and some hold `$id` keys that ajv would take for schema ids.
const spec = JSON.parse(readFileSync(new URL('./response-schemas.json', import.meta.url), 'utf8'), (key, value) =>
  key === 'example' ? undefined : value,
)

// strict:false: the OpenAPI schemas carry keywords JSON Schema does not know (`example`, `discriminator`…).
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 })
ajv.addFormat('double', { type: 'number', validate: () => true })
ajv.addSchema(spec, SPEC)

/**
 * Asserts that a response body is a valid Appwrite model (`user`, `session`, `documentList`, …) as Appwrite's
 * OpenAPI spec describes it (`test/support/response-schemas.json`).
 * @example
 * expectModel(await account.get(), 'user')
 */
export const expectModel = (json: unknown, modelName: string): void => {
  const validate = ajv.getSchema(`${SPEC}#/components/schemas/${modelName}`)
  if (!validate) throw new Error(`no Appwrite model named "${modelName}" in response-schemas.json`)
  // SDK results have a null prototype (and may hold bigints): validate a plain copy.
  if (!validate(structuredClone(json))) {
    throw new Error(`not a valid "${modelName}" model:\n  ${ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: modelName })}`)
  }
}
