export type Json = Record<string, unknown>
export type Reshape = (data: Json) => Json

/**
 * One downgrade step, as one of Appwrite's `Response/Filters/V*`: for clients whose format is below `below`,
 * reshape the named models (the route's top-level model only; nested items through {@link eachOf}).
 */
export interface FormatStep {
  below: string
  models: Record<string, Reshape>
}

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export const omit =
  (...keys: string[]): Reshape =>
  (data) => {
    const out = { ...data }
    for (const key of keys) delete out[key]
    return out
  }

/** Renames a key when it is set (`isset` in PHP: present and not null), keeping its place at the end. */
export const rename = (data: Json, from: string, to: string): Json => {
  if (data[from] === undefined || data[from] === null) return data
  const { [from]: value, ...rest } = data
  return { ...rest, [to]: value }
}

/** A list model's reshape: each item of `key` (Appwrite's `Filter::handleList`). */
export const eachOf =
  (key: string, reshape: Reshape): Reshape =>
  (data) =>
    Array.isArray(data[key]) ? { ...data, [key]: data[key].map((item) => (isJson(item) ? reshape(item) : item)) } : data
