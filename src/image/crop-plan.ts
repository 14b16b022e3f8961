import type { Gravity } from './preview-options.js'

/** Where to draw the source so that it fills a `width`×`height` canvas. */
export interface CropPlan {
  width: number
  height: number
  /** The source scaled to this size… */
  drawWidth: number
  drawHeight: number
  /** …and drawn at this offset (≤ 0), so the canvas shows the part the gravity picks. */
  x: number
  y: number
}

/**
 * utopia-php/image's `crop`: a missing side follows the aspect ratio (both missing keep the size); the source
 * is scaled to cover the target, then cut at the gravity's edge or corner (`center` cuts around the middle,
 * as Imagick's `cropThumbnailImage` does).
 */
export const planCrop = (sourceWidth: number, sourceHeight: number, width: number, height: number, gravity: Gravity): CropPlan => {
  const aspect = sourceWidth / sourceHeight
  if (width === 0 && height === 0) {
    width = sourceWidth
    height = sourceHeight
  } else if (width === 0) {
    width = Math.trunc(height * aspect)
  } else if (height === 0) {
    height = Math.trunc(width / aspect)
  }
  width = Math.max(1, width)
  height = Math.max(1, height)
  let drawWidth: number
  let drawHeight: number
  if (gravity === 'center') {
    const scale = Math.max(width / sourceWidth, height / sourceHeight)
    drawWidth = sourceWidth * scale
    drawHeight = sourceHeight * scale
  } else if (width / height > aspect) {
    drawWidth = width
    drawHeight = Math.ceil(width / aspect)
  } else {
    drawWidth = Math.ceil(height * aspect)
    drawHeight = height
  }
  const spareX = drawWidth - width
  const spareY = drawHeight - height
  const horizontal = gravity.endsWith('left') ? 0 : gravity.endsWith('right') ? spareX : spareX / 2
  const vertical = gravity.startsWith('top') ? 0 : gravity.startsWith('bottom') ? spareY : spareY / 2
  // `0 -` rather than unary minus: no -0 offsets.
  return { width, height, drawWidth, drawHeight, x: 0 - Math.trunc(horizontal), y: 0 - Math.trunc(vertical) }
}

/** The canvas a rotation needs: Imagick's `rotateImage` grows it to the rotated image's bounding box. */
export const rotatedSize = (width: number, height: number, degrees: number): { width: number; height: number } => {
  const radians = (degrees * Math.PI) / 180
  const cos = Math.abs(Math.cos(radians))
  const sin = Math.abs(Math.sin(radians))
  return { width: Math.round(width * cos + height * sin), height: Math.round(width * sin + height * cos) }
}
