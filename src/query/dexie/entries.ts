export type Doc = Record<string, unknown>

/** A record with its place in insertion order, as the comparators see it. */
export type Entry = { record: Doc; index: number }

export const entry = (d: Doc): Entry => ({ record: d, index: d.$sequence as number })
