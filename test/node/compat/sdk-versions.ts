import { readFileSync } from 'node:fs'
import Ajv from 'ajv'

/** The SDKs tested side by side: npm alias, the response format it sends, the spec its types were made from. */
export const SDK_VERSIONS = [
  { major: 11, pkg: 'appwrite-sdk-11', format: '1.0.0', spec: '1.0.x' },
  { major: 13, pkg: 'appwrite-sdk-13', format: '1.4.0', spec: '1.4.x' },
  { major: 15, pkg: 'appwrite-sdk-15', format: '1.5.0', spec: '1.5.x' },
  { major: 17, pkg: 'appwrite-sdk-17', format: '1.6.0', spec: '1.6.x' },
  { major: 20, pkg: 'appwrite-sdk-20', format: '1.8.0', spec: '1.8.x' },
] as const

export type SdkMajor = (typeof SDK_VERSIONS)[number]['major']

const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 })
ajv.addFormat('double', { type: 'number', validate: () => true })
for (const { spec } of SDK_VERSIONS) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(`./sdk-schemas/${spec}.json`, import.meta.url), 'utf8')), spec)
}

/** The 1.0 spec calls the signed-in user `account`; later ones `user`. */
const ALIASES: Record<string, Record<string, string>> = { '1.0.x': { user: 'account' } }

/**
 * Asserts that a response is the model the SDK of that major version declares (its spec's schema: every
 * required key, with its type).
 * @example
 * expectSdkModel(13, await account.get(), 'user')
 */
export const expectSdkModel = (major: SdkMajor, json: unknown, model: string): void => {
  const spec = SDK_VERSIONS.find((v) => v.major === major)?.spec ?? ''
  const name = ALIASES[spec]?.[model] ?? model
  const validate = ajv.getSchema(`${spec}#/components/schemas/${name}`)
  if (!validate) throw new Error(`no model "${name}" in the ${spec} spec`)
  if (!validate(structuredClone(json))) {
    throw new Error(`not a valid ${spec} "${name}":\n  ${ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: name })}`)
  }
}
