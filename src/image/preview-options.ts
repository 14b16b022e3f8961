export const GRAVITIES = ['center', 'top-left', 'top', 'top-right', 'left', 'right', 'bottom-left', 'bottom', 'bottom-right'] as const
export type Gravity = (typeof GRAVITIES)[number]

/** `app/config/storage/outputs.php`: the formats a preview may be asked for, with their MIME types. */
export const OUTPUT_TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  avif: 'image/avif',
  gif: 'image/gif',
} as const
export type OutputFormat = keyof typeof OUTPUT_TYPES

/** A preview, as Appwrite's `getFilePreview` parameters describe it (0 / -1 / '' mean "keep"). */
export interface PreviewOptions {
  width: number
  height: number
  gravity: Gravity
  /** 0–100, or -1 for the encoder's default. */
  quality: number
  borderWidth: number
  /** Hex without `#`; `''` is black. */
  borderColor: string
  borderRadius: number
  /** 0–1. */
  opacity: number
  /** Degrees, clockwise; negative values count from 360. */
  rotation: number
  /** Hex without `#`; `''` keeps transparency. */
  background: string
  output: OutputFormat
}
