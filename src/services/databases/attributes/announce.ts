import type { RequestContext } from '../../../engine/context.js'
import type { Writer } from '../../../store/write-path.js'
import type { Flavor } from '../flavor.js'
import type { AttributeRecord, CollectionRecord } from '../records.js'
import { attributeModel, renderAttribute } from '../render.js'

/** Queues `databases.<db>.collections.<c>.attributes.<key>.<action>` (tables/columns for TablesDB); keys only. */
export const announceAttribute = (w: Writer, ctx: RequestContext, flavor: Flavor, collection: CollectionRecord, attr: AttributeRecord, action: string) =>
  w.emit(
    ctx.event(
      [`databases.${collection.databaseId}.${flavor.names.collections}.${collection.$id}.${flavor.names.attributes}.${attr.key}.${action}`],
      attributeModel(flavor, attr),
      renderAttribute(flavor, attr) as Record<string, unknown>,
      [],
    ),
  )
