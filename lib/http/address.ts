import { isIP } from 'node:net'

/*
 * Client addresses as the limits, the audit log and pairing record them: one spelling per client.
 * An IPv4 client on a dual-stack socket shows as ::ffff:192.168.1.20, a proxy may add a port or
 * brackets; all of these are the same client, so they become one key.
 */

/** Where no address could be learned: one shared key, so an unknown client is limited, not free. */
export const UNKNOWN_ADDRESS = 'unknown'

/** The plain form of an address (or of an `a.b.c.d:port` / `[v6]:port` hop), or UNKNOWN_ADDRESS. */
export function normalizeAddress(raw: string | null | undefined): string {
  let a = (raw ?? '').trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed) a = bracketed[1]!
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  a = a.replace(/%.*$/, '').toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a)
  if (mapped) a = mapped[1]!
  return isIP(a) ? a : UNKNOWN_ADDRESS
}

/**
 * Who the client is: the socket's peer, unless the peer is a trusted proxy; then the hops of
 * X-Forwarded-For are walked from the right (each proxy appends the address it saw) past every
 * trusted proxy, and the first address that is not one is the client. What a client writes into
 * the header itself sits left of that and is never reached.
 */
export function resolveClientAddress(
  peer: string | null | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  isTrustedProxy: (address: string) => boolean,
): string {
  let client = normalizeAddress(peer)
  if (client === UNKNOWN_ADDRESS || !isTrustedProxy(client)) return client
  const header = typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor ?? []).join(',')
  const hops = header
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
  // Bounded: a header of thousands of hops costs no more than a few.
  for (let i = hops.length - 1; i >= Math.max(0, hops.length - 20); i--) {
    const hop = normalizeAddress(hops[i])
    // A hop that is not an address means a proxy forwarded junk: stay with the last one we trust.
    if (hop === UNKNOWN_ADDRESS) return client
    client = hop
    if (!isTrustedProxy(hop)) return client
  }
  return client
}

/** 127.0.0.0/8 and ::1 (also as ::ffff:127.x): this machine. */
export function isLoopback(address: string | null | undefined): boolean {
  const a = normalizeAddress(address)
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a)
}
