/**
 * One parsed query, as utopia-php/database's `Query::parseQuery` builds it: `attribute` defaults to `''` and
 * `values` to `[]`. Logical queries (`and`, `or`, `elemMatch`) hold parsed `Query` objects in `values`.
 */
export interface Query {
  method: string
  attribute: string
  values: unknown[]
}

/** What a query validator needs to know about one queryable attribute. */
export interface QueryAttribute {
  key: string
  /** `string`, `integer`, `bigint`, `double`/`float`, `boolean`, `datetime`, `id` (`$sequence`), `relationship`, spatial types. */
  type: string
  array?: boolean
  /** Encrypted string attributes may not be queried. */
  encrypt?: boolean
}

/** An index as the search validator and the planner see it. */
export interface QueryIndex {
  key: string
  type: 'key' | 'unique' | 'fulltext' | 'spatial' | string
  attributes: string[]
  orders?: Array<'ASC' | 'DESC' | null | string>
}

/** Every method `Query::isMethod` accepts (the parser's list; `regex` is not among them). */
export const QUERY_METHODS = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual',
  'contains', 'containsAny', 'containsAll', 'notContains', 'search', 'notSearch', 'isNull', 'isNotNull',
  'between', 'notBetween', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith',
  'select', 'orderAsc', 'orderDesc', 'orderRandom', 'limit', 'offset', 'cursorAfter', 'cursorBefore',
  'and', 'or', 'elemMatch', 'exists', 'notExists',
  'crosses', 'notCrosses', 'distanceEqual', 'distanceNotEqual', 'distanceGreaterThan', 'distanceLessThan',
  'intersects', 'notIntersects', 'overlaps', 'notOverlaps', 'touches', 'notTouches',
  'vectorDot', 'vectorCosine', 'vectorEuclidean',
])

export const LOGICAL_METHODS = new Set(['and', 'or', 'elemMatch'])

export const SPATIAL_METHODS = new Set([
  'crosses', 'notCrosses', 'distanceEqual', 'distanceNotEqual', 'distanceGreaterThan', 'distanceLessThan',
  'intersects', 'notIntersects', 'overlaps', 'notOverlaps', 'touches', 'notTouches',
])

export const VECTOR_METHODS = new Set(['vectorDot', 'vectorCosine', 'vectorEuclidean'])

/** Methods that filter records (everything but select, order, limit, offset and cursors). */
export const isFilter = (method: string): boolean =>
  !['select', 'orderAsc', 'orderDesc', 'orderRandom', 'limit', 'offset', 'cursorAfter', 'cursorBefore'].includes(method)

export const SPATIAL_TYPES = new Set(['point', 'linestring', 'polygon'])
