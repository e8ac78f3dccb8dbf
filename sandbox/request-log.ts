import type { RequestLogEntry } from './types'

/*
 * Every call to a DMS endpoint, in arrival order, for tests that assert what the cashier sent (and how
 * often). An entry is added when the request arrives and completed when it is answered, so a hanging
 * request is visible while it hangs. Only parsed body params are kept: never headers, so never the token.
 */

const MAX_ENTRIES = 10_000

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private seq = 0

  constructor(private readonly now: () => number) {}

  start(method: string, path: string, params: Record<string, unknown>): RequestLogEntry {
    this.seq += 1
    const entry: RequestLogEntry = {
      seq: this.seq,
      at: new Date(this.now()).toISOString(),
      method,
      path,
      params,
      httpStatus: 0,
    }
    this.entries.push(entry)
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
    return entry
  }

  /** Entries with seq > since whose path contains `path`. */
  list(filter: { since?: number; path?: string } = {}): RequestLogEntry[] {
    return this.entries
      .filter((e) => e.seq > (filter.since ?? 0))
      .filter((e) => !filter.path || e.path.includes(filter.path))
      .map((e) => ({ ...e }))
  }

  /** Clears the entries; seq keeps counting so a `since` taken before the clear stays meaningful. */
  clear(): void {
    this.entries = []
  }
}
