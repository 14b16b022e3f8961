import type { Flavor } from './flavor.js'
import type { AttributeRecord, CollectionRecord } from './records.js'
import { checkValue, hasFormat } from './values.js'

/** The `$` fields a stored document carries besides its attributes. */
export const SYSTEM_FIELDS = new Set(['$id', '$sequence', '$createdAt', '$updatedAt', '$permissions'])

/**
 * Removes what Appwrite silently drops from written data (semantics §1.3): `$sequence`, `$databaseId`,
 * `$collection`, the facade's own `$collectionId`/`$tableId`, and for clients `$createdAt`/`$updatedAt`.
 * @note The other facade's field is not dropped: `$tableId` sent to the Databases API is an unknown attribute.
 */
export const stripInput = (flavor: Flavor, data: Record<string, unknown>, privileged: boolean): Record<string, unknown> => {
  const out = { ...data }
  for (const key of ['$sequence', '$databaseId', '$collection', flavor.collectionField, '$id', '$permissions']) delete out[key]
  if (!privileged) {
    delete out.$createdAt
    delete out.$updatedAt
  }
  return out
}

const invalid = (flavor: Flavor, reason: string) =>
  flavor.error('document_invalid_structure', { message: `Invalid document structure: ${reason}` })

/** Fills defaults where a value is missing or NULL (an explicit NULL takes the default too). */
export const applyDefaults = (attributes: readonly AttributeRecord[], doc: Record<string, unknown>): void => {
  for (const attr of attributes) {
    if ((doc[attr.key] === undefined || doc[attr.key] === null) && attr.default !== undefined && attr.default !== null) {
      doc[attr.key] = structuredClone(attr.default)
    }
  }
}

/**
 * Validates a whole document against the collection (utopia-php/database `Structure`): required attributes,
 * unknown keys, then each value; returns it with normalised values. `partial` skips the required check
 * (bulk update). Failures are `document_invalid_structure` with Appwrite's messages.
 */
export const validateStructure = (
  flavor: Flavor,
  collection: CollectionRecord,
  doc: Record<string, unknown>,
  partial = false,
): Record<string, unknown> => {
  const attributes = collection.attributes.filter((a) => a.status === 'available')
  // Relationship fields (and the hidden one-way links) hold IDs the relationship writer keeps consistent.
  const byKey = new Map([...attributes, ...(collection.relations ?? [])].map((a) => [a.key, a]))
  if (!partial) {
    for (const attr of attributes) {
      if (attr.required && (doc[attr.key] === undefined || doc[attr.key] === null)) {
        throw invalid(flavor, `Missing required attribute "${attr.key}"`)
      }
    }
  }
  for (const key of Object.keys(doc)) {
    if (!byKey.has(key) && !SYSTEM_FIELDS.has(key)) throw invalid(flavor, `Unknown attribute: "${key}"`)
  }
  const out: Record<string, unknown> = { ...doc }
  for (const key of ['$createdAt', '$updatedAt']) {
    if (doc[key] === undefined) continue
    const checked = checkValue({ key, type: 'datetime' } as AttributeRecord, doc[key])
    if (!checked.ok) throw invalid(flavor, `Attribute "${key}" has invalid type. ${checked.message}`)
    out[key] = checked.value
  }
  for (const attr of attributes) {
    const value = doc[attr.key]
    if (attr.type === 'relationship' || value === undefined || (value === null && !attr.required)) continue
    const label = hasFormat(attr) ? 'format' : 'type'
    if (attr.array) {
      if (!attr.required && Array.isArray(value) && value.length === 0) continue
      if (!Array.isArray(value)) throw invalid(flavor, `Attribute "${attr.key}" must be an array`)
      out[attr.key] = value.map((item, i) => {
        if (item === null && !attr.required) return null
        const checked = checkValue(attr, item)
        if (!checked.ok) throw invalid(flavor, `Attribute "${attr.key}['${i}']" has invalid ${label}. ${checked.message}`)
        return checked.value
      })
      continue
    }
    const checked = checkValue(attr, value)
    if (!checked.ok) throw invalid(flavor, `Attribute "${attr.key}" has invalid ${label}. ${checked.message}`)
    out[attr.key] = checked.value
  }
  return out
}
