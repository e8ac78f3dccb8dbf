import { BlockList, isIP } from 'node:net'
import ipaddr from 'ipaddr.js'

/*
 * Client addresses as the limits, the audit log and pairing record them: one spelling per client.
 * An IPv4 client on a dual-stack socket shows as ::ffff:192.168.1.20, a proxy may add a port or
 * brackets; all of these are the same client, so they become one key. The one parser of an address:
 * the socket stamp (client-address.ts), the limits, the audit log and TRUSTED_PROXIES all use it.
 */

/** Where no address could be learned: one shared key, so an unknown client is limited, not free. */
export const UNKNOWN_ADDRESS = 'unknown'

/**
 * ::ffff:0:0/96 as Node reads it. Not ipaddr.js's isIPv4MappedAddress: it parses the deprecated
 * IPv4-compatible ::192.0.2.1 as if it were ::ffff:192.0.2.1, and those are other bits.
 */
const IPV4_MAPPED = new BlockList()
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6')

/** The plain form of an address (or of an `a.b.c.d:port` / `[v6]:port` hop), or UNKNOWN_ADDRESS. */
export function normalizeAddress(raw: string | null | undefined): string {
  let a = (raw ?? '').trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed) a = bracketed[1]!
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  a = a.replace(/%.*$/, '').toLowerCase()
  const family = isIP(a)
  if (family === 0) return UNKNOWN_ADDRESS
  // An IPv4 client on a dual-stack socket, in any spelling (::ffff:1.2.3.4, ::ffff:102:304): its IPv4.
  if (family === 6 && IPV4_MAPPED.check(a, 'ipv6')) {
    return ipaddr.IPv6.parse(a).toIPv4Address().toString()
  }
  return a
}

/**
 * The key the attempt limits count a client under (sign-in, pairing): its plain address, except
 * that an IPv6 client is its /64. One home network or phone gets a whole /64 and may pick any
 * address in it (privacy addresses rotate by themselves), so keyed by the full address a client
 * would take a fresh allowance with every address. An IPv4 client (mapped ones included, in any
 * spelling) is its address. The audit log and pairing record keep the full address
 * (normalizeAddress).
 */
export function limitKey(raw: string | null | undefined): string {
  const a = normalizeAddress(raw)
  // IPv4, mapped ones included (normalizeAddress made them IPv4), is the address itself.
  if (isIP(a) !== 6) return a
  // Parsed by ipaddr.js: every spelling Node accepts ("::" anywhere, leading zeros, an IPv4 tail).
  return `${ipaddr.IPv6.parse(a)
    .parts.slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
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

/*
 * TRUSTED_PROXIES: the addresses (or CIDR ranges) of the reverse proxies in front of the cashier,
 * comma- or space-separated, e.g. `127.0.0.1` for nginx on the same machine or `10.0.0.0/8`.
 * Only a request whose socket comes from one of them may say who the client is (X-Forwarded-For);
 * anyone else is the client. None by default: a cashier reached directly believes no header.
 */

export type ParsedProxies = { ok: true; entries: string[] } | { ok: false; error: string }

/** Validates and normalises the list; an entry that is not an address or range is refused by name. */
export function parseTrustedProxies(text: string): ParsedProxies {
  const entries: string[] = []
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const [addr = '', prefix, extra] = raw.split('/')
    const family = isIP(addr)
    const max = family === 4 ? 32 : 128
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN
    if (!family || extra !== undefined || !(bits >= 0 && bits <= max)) {
      return {
        ok: false,
        error: `"${raw.slice(0, 60)}" is not an IP address or range; write e.g. 127.0.0.1, 10.0.0.0/8 or ::1`,
      }
    }
    const plain = normalizeAddress(addr)
    // An IPv4-mapped range is kept as the IPv4 range it covers, the form sockets are compared in;
    // one wider than /96 would also cover addresses that are not IPv4 at all.
    const mapped = family === 6 && isIP(plain) === 4
    const kept = mapped ? bits - 96 : bits
    if (kept < 0) {
      return {
        ok: false,
        error: `"${raw.slice(0, 60)}" mixes IPv4-mapped and other IPv6 addresses; write the IPv4 range, e.g. 10.0.0.0/8`,
      }
    }
    entries.push(kept === (mapped ? 32 : max) ? plain : `${plain}/${kept}`)
  }
  return { ok: true, entries }
}

/** A test for "is this socket address one of the trusted proxies" (false for everything when none). */
export function trustedProxyTest(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false
  const list = new BlockList()
  for (const entry of entries) {
    const [addr = '', prefix] = entry.split('/')
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(addr, type)
    else list.addSubnet(addr, Number(prefix), type)
  }
  return (address) => {
    const family = isIP(address)
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
  }
}

/**
 * Whether the browser reached us over HTTPS (here, not in request-origin.ts, because it reads no
 * Next request: the tablet's cookie attributes and the e2e support that names that cookie need it
 * without next/headers): through a proxy that terminates TLS and says so in
 * X-Forwarded-Proto (its first entry), or directly over TLS. Next sets the header itself for a direct
 * connection; the lean polling server passes whether its socket is TLS.
 * A client that fakes the header over plain HTTP only gets a cookie its own browser will not keep.
 */
export function isHttpsRequest(forwardedProto: string | null | undefined, tls = false): boolean {
  const proto = forwardedProto?.split(',')[0]?.trim()
  return proto ? proto === 'https' : tls
}
