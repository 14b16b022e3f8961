import { checkEmail } from '../common/validators.js'

/** PHP's `number_format($n)`: rounded to an integer, with thousands separators. */
export const numberFormat = (n: number | bigint): string =>
  (typeof n === 'bigint' ? n : BigInt(Math.round(n))).toLocaleString('en-US')

export const isEmail = (value: string): boolean => {
  try {
    checkEmail('email', value)
    return true
  } catch {
    return false
  }
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const HEX = /^[0-9a-fA-F]{1,4}$/

const isIpv6 = (value: string): boolean => {
  let text = value
  const lastColon = text.lastIndexOf(':')
  if (text.includes('.') && IPV4.test(text.slice(lastColon + 1))) text = `${text.slice(0, lastColon)}:0:0`
  const halves = text.split('::')
  if (halves.length > 2) return false
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')))
  if (groups.flat().some((g) => !HEX.test(g))) return false
  const count = groups.flat().length
  return halves.length === 2 ? count < 8 : count === 8
}

/** PHP's `FILTER_VALIDATE_IP` for IPv4 and IPv6. */
export const isIp = (value: string): boolean => IPV4.test(value) || isIpv6(value)

/** PHP's `FILTER_VALIDATE_URL`: a scheme, `://` or `:`, and a host for the hierarchical schemes. */
export const isUrl = (value: string): boolean => {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) || /\s/.test(value)) return false
  try {
    const url = new URL(value)
    return !/^(https?|ftp):$/.test(url.protocol) || url.hostname !== ''
  } catch {
    return false
  }
}

export const utf8Length = (text: string): number => new TextEncoder().encode(text).length
