import { applyResponseFilters } from './response-filters.js'
import { type ShapeOptions, shapeModel } from './shape.js'

export { CURRENT_FORMAT, SERVER_VERSION, compareVersions, readFormat } from './versions.js'
export { shapeModel } from './shape.js'

/** Renders a service's result as the route's model, then downgrades it to the client's response format. */
export const renderModel = (model: string, data: unknown, format: string, options: ShapeOptions): unknown =>
  applyResponseFilters(format, model, shapeModel(model, data, options))
