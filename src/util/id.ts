const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** Random lowercase hex of `length` characters, from the platform's CSPRNG. */
export const randomHex = (length: number): string => {
  const bytes = new Uint8Array(Math.ceil(length / 2))
  crypto.getRandomValues(bytes)
  return hex(bytes).slice(0, length)
}

/**
 * An ID in the shape `ID.unique()` produces (PHP `uniqid()` + 7 random hex: 20 chars, roughly time-ordered).
 */
export const uniqueId = (now: Date = new Date()): string => {
  const ms = now.getTime()
  const seconds = Math.floor(ms / 1000).toString(16)
  const micros = ((ms % 1000) * 1000).toString(16).padStart(5, '0')
  return seconds + micros + randomHex(7)
}

/** Six random decimal digits, as Appwrite's OTP codes. */
export const randomDigits = (length: number): string => {
  const bytes = new Uint32Array(length)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (n) => (n % 10).toString()).join('')
}

export const CUSTOM_ID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}$/
