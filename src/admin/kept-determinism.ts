import { type UseStore, get, set } from 'idb-keyval'
import type { DeterminismState } from './determinism.js'

const KEY = 'determinism'

/**
 * A fixed clock and ID sequence kept in the worker's own IndexedDB store: the browser stops the worker
 * whenever it likes, and a test's snapshot must not change because it did.
 */
export const keptDeterminism = (store: UseStore) => ({
  load: (): Promise<DeterminismState | undefined> => get<DeterminismState>(KEY, store).catch(() => undefined),
  save: (state: DeterminismState): void => void set(KEY, state, store).catch(() => {}),
})
