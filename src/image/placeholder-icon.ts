import { newCanvas } from './canvas.js'

export type IconKind = 'file' | 'video' | 'image'

const GREY = '#9ea3ae'

/**
 * The generic icon Appwrite previews instead of a file that is not an image (`app/config/storage/logos`): a
 * 1200×800 transparent PNG-to-be with a page shape, marked for videos and for images too large to preview.
 * Drawn here rather than shipped, so the worker stays one file.
 */
export const placeholderIcon = (kind: IconKind): OffscreenCanvas => {
  const [canvas, c] = newCanvas(1200, 800)
  c.fillStyle = GREY
  c.beginPath()
  c.moveTo(470, 144)
  c.lineTo(640, 144)
  c.lineTo(792, 296)
  c.lineTo(792, 592)
  c.arcTo(792, 656, 728, 656, 64)
  c.lineTo(472, 656)
  c.arcTo(408, 656, 408, 592, 64)
  c.lineTo(408, 208)
  c.arcTo(408, 144, 472, 144, 64)
  c.closePath()
  c.fill()
  c.fillStyle = '#ffffff'
  if (kind === 'video') {
    c.beginPath()
    c.moveTo(545, 400)
    c.lineTo(545, 560)
    c.lineTo(680, 480)
    c.closePath()
    c.fill()
  } else if (kind === 'image') {
    c.beginPath()
    c.moveTo(450, 600)
    c.lineTo(540, 470)
    c.lineTo(600, 540)
    c.lineTo(650, 490)
    c.lineTo(750, 600)
    c.closePath()
    c.fill()
  }
  return canvas
}
