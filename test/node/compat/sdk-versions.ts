import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Ajv from 'ajv'

/** The SDKs tested side by side: npm alias and the response format it sends. */
export const SDK_VERSIONS = [
  { major: 11, pkg: 'appwrite-sdk-11', format: '1.0.0' },
  { major: 13, pkg: 'appwrite-sdk-13', format: '1.4.0' },
  { major: 15, pkg: 'appwrite-sdk-15', format: '1.5.0' },
  { major: 17, pkg: 'appwrite-sdk-17', format: '1.6.0' },
  { major: 20, pkg: 'appwrite-sdk-20', format: '1.8.0' },
] as const

export type SdkMajor = (typeof SDK_VERSIONS)[number]['major']

const require = createRequire(import.meta.url)
const ajv = new Ajv({ strict: false, allErrors: true })

/** A field type of the SDK's declarations as a JSON-schema type (anything else — models, generics — is open). */
const schemaOfType = (type: string): object => {
  const t = type.trim()
  if (t.endsWith('[]') || t.startsWith('Array<')) return { type: 'array' }
  if (t === 'string' || /^'[^']*'( \| '[^']*')*$/.test(t)) return { type: 'string' }
  if (t === 'number') return { type: 'number' }
  if (t === 'boolean') return { type: 'boolean' }
  return {}
}

/**
 * The response models an SDK's types promise (`types/models.d.ts` of the npm package): per model, its required
 * keys and their types. This is what an app built on that SDK relies on.
 */
const modelsOf = (pkg: string): Record<string, object> => {
  const types = join(dirname(require.resolve(`${pkg}/package.json`)), 'types/models.d.ts')
  const text = readFileSync(types, 'utf8')
  const models: Record<string, object> = {}
  for (const m of text.matchAll(/^ {4}(?:export )?type (\w+)(?:<.*>)? = \{\n([\s\S]*?)\n {4}\};?/gm)) {
    const properties: Record<string, object> = {}
    const required: string[] = []
    for (const f of m[2].matchAll(/^ {8}(['"]?[$\w]+['"]?)(\?)?: (.+);$/gm)) {
      const key = f[1].replace(/['"]/g, '')
      properties[key] = schemaOfType(f[3])
      if (!f[2]) required.push(key)
    }
    models[m[1][0].toLowerCase() + m[1].slice(1)] = { type: 'object', properties, required }
  }
  return models
}

for (const { pkg } of SDK_VERSIONS) {
  for (const [name, schema] of Object.entries(modelsOf(pkg))) ajv.addSchema(schema, `${pkg}#${name}`)
}

/**
 * Asserts that a response is the model the SDK of that major version declares in its types (every required
 * key, with its type).
 * @example
 * expectSdkModel(13, await account.get(), 'user')
 */
export const expectSdkModel = (major: SdkMajor, json: unknown, model: string): void => {
  const pkg = SDK_VERSIONS.find((v) => v.major === major)?.pkg ?? ''
  const validate = ajv.getSchema(`${pkg}#${model}`)
  if (!validate) throw new Error(`no model "${model}" in ${pkg}'s types`)
  if (!validate(structuredClone(json))) {
    throw new Error(`not a valid ${pkg} "${model}":\n  ${ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: model })}`)
  }
}
