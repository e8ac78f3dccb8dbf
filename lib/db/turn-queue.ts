/**
 * A lock handed over in arrival order: `pass()` wakes exactly the next waiter, so a release costs
 * the same however many callers wait (SQLite's single connection is shared by every request).
 */
export class TurnQueue {
  #held = false
  readonly #waiting: (() => void)[] = []
  #head = 0

  take(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  pass(): void {
    const next = this.#waiting[this.#head]
    if (!next) {
      this.#held = false
      this.#waiting.length = 0
      this.#head = 0
      return
    }
    this.#waiting[this.#head++] = undefined as never
    // Trim the consumed front now and then, so a queue that never drains does not grow for ever.
    if (this.#head > 1024 && this.#head * 2 > this.#waiting.length) {
      this.#waiting.splice(0, this.#head)
      this.#head = 0
    }
    next()
  }

  /** Someone has the turn now (a query or a transaction is using the connection). */
  get held(): boolean {
    return this.#held
  }

  /** Callers waiting for their turn (not counting the holder). */
  get waiting(): number {
    return this.#waiting.length - this.#head
  }
}
