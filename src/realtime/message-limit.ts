/**
 * Appwrite's abuse limit on realtime frames: at most `limit` messages per connection in a one-minute window.
 * The frame over the limit is refused and not counted.
 */
export class MessageLimit {
  #windowStart = -Infinity
  #count = 0

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one message; `false` when the window's allowance is used up. */
  take(): boolean {
    const now = this.now()
    if (now - this.#windowStart >= 60_000) {
      this.#windowStart = now
      this.#count = 0
    }
    if (this.#count >= this.limit) return false
    this.#count++
    return true
  }
}
