/** An image the preview steps draw from: a decoded bitmap or a canvas made by an earlier step. */
export type Drawable = ImageBitmap | OffscreenCanvas

/** OffscreenCanvas and createImageBitmap: in Chromium pages, workers and service workers; not in Node. */
export const canRenderPreviews = (): boolean =>
  typeof OffscreenCanvas !== 'undefined' && typeof createImageBitmap === 'function'

/** A fresh canvas and its 2D context, smoothing at its best for downscaling. */
export const newCanvas = (width: number, height: number): [OffscreenCanvas, OffscreenCanvasRenderingContext2D] => {
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('[offwrite] no 2D context on OffscreenCanvas')
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  return [canvas, context]
}

/** `''` → black, as an empty Imagick color is. */
export const hexColor = (hex: string): string => (hex ? `#${hex}` : '#000')
