import { uniqueId } from '../util/id.js'

/** What a fixed clock and ID sequence need to survive a restart (the service worker stops whenever it likes). */
export interface DeterminismState {
  /** The fixed time (ISO 8601), or null for the real clock. */
  clock: string | null
  /** Milliseconds the fixed clock moves on at every reading (0: frozen). */
  tick: number
  /** The ID prefix, or null for random IDs. */
  idPrefix: string | null
  /** The number the next sequential ID gets. */
  nextId: number
}

export const REAL_WORLD: DeterminismState = { clock: null, tick: 0, idPrefix: null, nextId: 1 }

/** Digits of a sequential ID: `<prefix>000001`, so IDs sort as they were made. */
const ID_DIGITS = 6

export interface Determinism {
  /** Pass as `createEngine({ now })`. */
  now(): Date
  /** Pass as `createEngine({ newId })`. */
  newId(): string
  /** Fixes the clock at `iso` (null: the real clock again); with `tick`, each reading moves it on by that many ms. */
  setClock(iso: string | null, options?: { tick?: number }): void
  /** Makes server-made IDs `<prefix>000001`, `<prefix>000002`, … (null: random IDs again). */
  setIdSequence(prefix: string | null, options?: { next?: number }): void
  state(): DeterminismState
  restore(state: DeterminismState): void
}

const checkPrefix = (prefix: string) => {
  // The result must still be a valid custom ID (36 chars of a-zA-Z0-9._-, not starting with a special char).
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,29}$/.test(prefix)) {
    throw new Error(`[offwrite] invalid ID prefix "${prefix}": up to 30 chars of a-z, A-Z, 0-9, period, hyphen, underscore`)
  }
}

/**
 * A clock and an ID generator that tests can fix, so snapshots are stable. Reads are cheap; every change is
 * handed to `persist` (the worker keeps it in IndexedDB and restores it when it starts again).
 * @note Appwrite's web and node SDKs make `ID.unique()` on the client: only IDs the server makes (`unique()`
 * sent literally, sessions, tokens, memberships, …) follow the sequence.
 */
export const createDeterminism = (
  initial: DeterminismState = REAL_WORLD,
  persist: (state: DeterminismState) => void = () => {},
): Determinism => {
  let state: DeterminismState = { ...initial }
  const change = (next: Partial<DeterminismState>) => {
    state = { ...state, ...next }
    persist({ ...state })
  }
  const now = (): Date => {
    if (state.clock === null) return new Date()
    const reading = new Date(state.clock)
    if (state.tick) change({ clock: new Date(reading.getTime() + state.tick).toISOString() })
    return reading
  }
  return {
    now,
    newId() {
      if (state.idPrefix === null) return uniqueId(now())
      const id = `${state.idPrefix}${String(state.nextId).padStart(ID_DIGITS, '0')}`
      change({ nextId: state.nextId + 1 })
      return id
    },
    setClock(iso, options = {}) {
      if (iso !== null && Number.isNaN(Date.parse(iso))) throw new Error(`[offwrite] invalid clock time "${iso}"`)
      change({ clock: iso === null ? null : new Date(iso).toISOString(), tick: options.tick ?? 0 })
    },
    setIdSequence(prefix, options = {}) {
      if (prefix !== null) checkPrefix(prefix)
      change({ idPrefix: prefix, nextId: options.next ?? 1 })
    },
    state: () => ({ ...state }),
    restore(next) {
      state = { ...REAL_WORLD, ...next }
    },
  }
}
