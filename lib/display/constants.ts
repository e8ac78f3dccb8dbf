/* Timings of the customer tablet, in one place. Client-safe: no server-only imports. */

/** A pairing code works once, for this long after the manager creates it. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000

/** The tablet polls about every second; the database hears about it at most this often per tablet. */
export const HEARTBEAT_THROTTLE_MS = 5_000

/** A tablet counts as connected while its last contact is this recent (a few missed polls). */
export const LIVE_WINDOW_MS = 15_000

/** A charge that just ended stays available to the tablet this long, so paid / closed can be shown. */
export const TERMINAL_WINDOW_MS = 8_000

/**
 * An open charge this long past its own deadline is no longer put in front of a customer: its
 * outcome is being settled with DMS (the sweep keeps at it) and the customer has long gone.
 */
export const STALE_OPEN_MS = 15 * 60_000
