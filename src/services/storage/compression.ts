import type { Compression } from './records.js'

type StreamFormat = ConstructorParameters<typeof CompressionStream>[0]

const supported = new Map<Compression, boolean>()

/**
 * Whether this platform's Compression Streams speak the format. gzip is everywhere; zstd only where the
 * browser (or Node) ships it.
 */
export const canCompress = (format: Compression): boolean => {
  if (format === 'none') return true
  let known = supported.get(format)
  if (known === undefined) {
    try {
      new CompressionStream(format as StreamFormat)
      new DecompressionStream(format as StreamFormat)
      known = true
    } catch {
      known = false
    }
    supported.set(format, known)
  }
  return known
}

/** Streams a Blob through the platform's compressor: the input is never read whole. */
export const compressBlob = (blob: Blob, format: Exclude<Compression, 'none'>): Promise<Blob> =>
  new Response(blob.stream().pipeThrough(new CompressionStream(format as StreamFormat))).blob()

export const decompressBlob = (blob: Blob, format: Exclude<Compression, 'none'>, type: string): Promise<Blob> =>
  new Response(blob.stream().pipeThrough(new DecompressionStream(format as StreamFormat)))
    .blob()
    .then((plain) => new Blob([plain], { type }))
