import { type Drawable, hexColor, newCanvas } from './canvas.js'
import { planCrop, rotatedSize } from './crop-plan.js'
import { OUTPUT_TYPES, type PreviewOptions } from './preview-options.js'

const crop = (image: Drawable, o: PreviewOptions): Drawable => {
  // Appwrite crops only when asked to: a size, or a gravity other than the default.
  if (o.width === 0 && o.height === 0 && o.gravity === 'center') return image
  const plan = planCrop(image.width, image.height, o.width, o.height, o.gravity)
  const [canvas, context] = newCanvas(plan.width, plan.height)
  context.drawImage(image, plan.x, plan.y, plan.drawWidth, plan.drawHeight)
  return canvas
}

const redraw = (image: Drawable, paint: (context: OffscreenCanvasRenderingContext2D) => void, width = image.width, height = image.height) => {
  const [canvas, context] = newCanvas(width, height)
  paint(context)
  return canvas
}

const withOpacity = (image: Drawable, opacity: number): Drawable =>
  opacity === 1
    ? image
    : redraw(image, (c) => {
        c.globalAlpha = opacity
        c.drawImage(image, 0, 0)
      })

/** Flattens transparency onto a color. */
const withBackground = (image: Drawable, background: string): Drawable =>
  !background
    ? image
    : redraw(image, (c) => {
        c.fillStyle = hexColor(background)
        c.fillRect(0, 0, image.width, image.height)
        c.drawImage(image, 0, 0)
      })

/** Imagick's `borderImage`: the canvas grows by the border on every side. */
const withBorder = (image: Drawable, width: number, color: string): Drawable =>
  redraw(
    image,
    (c) => {
      c.fillStyle = hexColor(color)
      c.fillRect(0, 0, image.width + 2 * width, image.height + 2 * width)
      c.drawImage(image, width, width)
    },
    image.width + 2 * width,
    image.height + 2 * width,
  )

/**
 * utopia-php/image's rounded corners: the size stays; the image is clipped to a rounded rectangle inset by
 * the border width, and a border asked for with it is stroked along that rectangle.
 */
const withRoundedCorners = (image: Drawable, radius: number, borderWidth: number, borderColor: string): Drawable =>
  redraw(image, (c) => {
    const inset = borderWidth
    const w = image.width - 2 * inset - 1
    const h = image.height - 2 * inset - 1
    if (borderWidth > 0) {
      c.lineWidth = borderWidth
      c.strokeStyle = hexColor(borderColor)
      c.beginPath()
      c.roundRect(inset, inset, w, h, radius)
      c.stroke()
    }
    c.save()
    c.beginPath()
    c.roundRect(inset, inset, w, h, radius)
    c.clip()
    c.drawImage(image, inset, inset)
    c.restore()
  })

/** Clockwise, on a canvas grown to the rotated bounding box (transparent corners), as Imagick rotates. */
const rotated = (image: Drawable, rotation: number): Drawable => {
  const degrees = (rotation + 360) % 360
  if (degrees === 0) return image
  const size = rotatedSize(image.width, image.height, degrees)
  return redraw(
    image,
    (c) => {
      c.translate(size.width / 2, size.height / 2)
      c.rotate((degrees * Math.PI) / 180)
      c.drawImage(image, -image.width / 2, -image.height / 2)
    },
    size.width,
    size.height,
  )
}

/**
 * Renders a preview as Appwrite's `getFilePreview` does, in its order: crop (size and gravity), opacity,
 * background, border, border radius, rotation, then encoding at the requested quality.
 * @note The result's `type` is what the platform could encode: canvases write PNG, JPEG and WebP, so GIF,
 * AVIF and HEIC requests come back as PNG.
 */
export const renderPreview = async (image: Drawable, o: PreviewOptions): Promise<Blob> => {
  let out = crop(image, o)
  out = withOpacity(out, o.opacity)
  out = withBackground(out, o.background)
  if (o.borderWidth > 0 && o.borderRadius === 0) out = withBorder(out, o.borderWidth, o.borderColor)
  if (o.borderRadius > 0) out = withRoundedCorners(out, o.borderRadius, o.borderWidth, o.borderColor)
  out = rotated(out, o.rotation)
  const canvas = out instanceof OffscreenCanvas ? out : redraw(out, (c) => c.drawImage(out, 0, 0))
  const type = OUTPUT_TYPES[o.output]
  return canvas.convertToBlob(o.quality >= 0 ? { type, quality: o.quality / 100 } : { type })
}
