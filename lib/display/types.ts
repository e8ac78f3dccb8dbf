/** A paired customer tablet. Its credential never leaves the cookie; only a hash is stored. */
export interface Device {
  id: string
  stationId: string
  name: string
  /** When it was paired. */
  createdAt: number
  lastSeenAt: number | null
  revokedAt: number | null
}

/** A code waiting to be typed on (or scanned by) a tablet. */
export interface PairingCode {
  code: string
  stationId: string
  expiresAt: number
}

/** Why a code did not pair. The tablet is told only "invalid or expired": no hint for a guesser. */
export type PairFailure = 'malformed' | 'not-found' | 'expired' | 'used'

/** What the cashier's screen says about the customer screen(s) of its station. */
export interface DisplayStatusSummary {
  /** Paired tablets that are not revoked. 0: the station has no customer screen (show nothing). */
  tablets: number
  /** At least one tablet was in touch within LIVE_WINDOW_MS. */
  live: boolean
  /** The most recent contact of any of them; null when none has been in touch yet. */
  lastSeenAt: number | null
  /** Whole seconds since that contact while not live; null while live or when never seen. */
  offlineForSec: number | null
}
