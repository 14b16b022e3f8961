import type { Params } from '../../engine/read-params.js'
import { invalidParam } from '../../errors/index.js'
import { GRAVITIES, type Gravity, OUTPUT_TYPES, type OutputFormat, type PreviewOptions } from '../../image/index.js'

const HEX = /^([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/

const inRange = (params: Params, name: string, min: number, max: number, integer = true): number => {
  const value = Number(params[name])
  if ((integer && !Number.isInteger(value)) || !(value >= min && value <= max)) {
    throw invalidParam(name, `Value must be a valid range between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`)
  }
  return value
}

const hex = (params: Params, name: string): string => {
  const value = String(params[name] ?? '')
  if (value && !HEX.test(value)) throw invalidParam(name, 'Value must be a valid Hex color code')
  return value
}

const oneOf = <T extends string>(params: Params, name: string, list: readonly T[]): T | '' => {
  const value = String(params[name] ?? '')
  if (value && !list.includes(value as T)) throw invalidParam(name, `Value must be one of (${list.join(', ')})`)
  return value as T | ''
}

export type PreviewParams = Omit<PreviewOptions, 'output'> & { output: OutputFormat | '' }

/** `getFilePreview`'s parameters with Appwrite's ranges, in the route's order. */
export const readPreviewParams = (params: Params): PreviewParams => ({
  width: inRange(params, 'width', 0, 4000),
  height: inRange(params, 'height', 0, 4000),
  gravity: (oneOf(params, 'gravity', GRAVITIES) || 'center') as Gravity,
  quality: inRange(params, 'quality', -1, 100),
  borderWidth: inRange(params, 'borderWidth', 0, 100),
  borderColor: hex(params, 'borderColor'),
  borderRadius: inRange(params, 'borderRadius', 0, 4000),
  opacity: inRange(params, 'opacity', 0, 1, false),
  rotation: inRange(params, 'rotation', -360, 360),
  background: hex(params, 'background'),
  output: oneOf(params, 'output', Object.keys(OUTPUT_TYPES) as OutputFormat[]),
})

/**
 * The format when none is asked for: the file's extension if it is an output format, else `jpg`; with no
 * extension, the format of its MIME type, else `jpg`.
 */
export const defaultOutput = (extension: string, mimeType: string): OutputFormat => {
  if (extension) return extension in OUTPUT_TYPES ? (extension as OutputFormat) : 'jpg'
  const byMime = (Object.keys(OUTPUT_TYPES) as OutputFormat[]).find((format) => OUTPUT_TYPES[format] === mimeType)
  return byMime ?? 'jpg'
}
