/**
 * @module image — Appwrite's image previews made with the platform's own canvas (OffscreenCanvas and
 * createImageBitmap), so they run in the service worker. Node has neither: check `canRenderPreviews()`.
 */
export { canRenderPreviews, type Drawable } from './canvas.js'
export { planCrop, rotatedSize, type CropPlan } from './crop-plan.js'
export { type IconKind, placeholderIcon } from './placeholder-icon.js'
export { GRAVITIES, OUTPUT_TYPES, type Gravity, type OutputFormat, type PreviewOptions } from './preview-options.js'
export { renderPreview } from './render-preview.js'
