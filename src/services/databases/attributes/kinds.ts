/**
 * The attribute (column) types of the create/update endpoints: the stored `type` and `format`, fixed sizes,
 * and the name their operationIds use (`databasesCreateBigIntAttribute`, `tablesDBCreateLineColumn`).
 */
export interface AttributeKind {
  name: string
  op: string
  type: string
  format?: string
  /** A fixed size, or the range the `size` param must be in. */
  size?: number
  sizeRange?: [number, number]
  encrypt?: boolean
  spatial?: boolean
}

export const KINDS: AttributeKind[] = [
  { name: 'string', op: 'String', type: 'string', sizeRange: [1, 1073741824], encrypt: true },
  { name: 'varchar', op: 'Varchar', type: 'varchar', sizeRange: [1, 16381], encrypt: true },
  { name: 'text', op: 'Text', type: 'text', size: 65535, encrypt: true },
  { name: 'mediumtext', op: 'Mediumtext', type: 'mediumtext', size: 16777215, encrypt: true },
  { name: 'longtext', op: 'Longtext', type: 'longtext', size: 2147483647, encrypt: true },
  { name: 'email', op: 'Email', type: 'string', format: 'email', size: 254 },
  { name: 'url', op: 'Url', type: 'string', format: 'url', size: 2000 },
  { name: 'ip', op: 'Ip', type: 'string', format: 'ip', size: 39 },
  { name: 'enum', op: 'Enum', type: 'string', format: 'enum', size: 255 },
  { name: 'integer', op: 'Integer', type: 'integer' },
  { name: 'bigint', op: 'BigInt', type: 'bigint' },
  { name: 'float', op: 'Float', type: 'double' },
  { name: 'boolean', op: 'Boolean', type: 'boolean' },
  { name: 'datetime', op: 'Datetime', type: 'datetime' },
  { name: 'point', op: 'Point', type: 'point', spatial: true },
  { name: 'line', op: 'Line', type: 'linestring', spatial: true },
  { name: 'polygon', op: 'Polygon', type: 'polygon', spatial: true },
]

/** The kind an existing attribute was made with. */
export const kindOf = (attr: { type: string; format?: string }): AttributeKind | undefined =>
  KINDS.find((k) => k.type === attr.type && (k.format ?? '') === (attr.format ?? ''))

/** The kind of an inline attribute (`{type: 'string'}`, `{type: 'email'}`, `{type: 'float'}`, …). */
export const kindByName = (name: unknown): AttributeKind | undefined =>
  KINDS.find((k) => k.name === name) ?? (name === 'double' ? KINDS.find((k) => k.name === 'float') : undefined)

/** Attributes increments, decrements and numeric transaction operations may change: a single integer or float. */
export const isNumberAttribute = (attr: { type: string; array: boolean }): boolean =>
  !attr.array && (attr.type === 'integer' || attr.type === 'bigint' || attr.type === 'double')
