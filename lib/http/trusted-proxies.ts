import { BlockList, isIP } from 'node:net'
import { normalizeAddress } from './address'

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
    entries.push(bits === max ? plain : `${plain}/${bits}`)
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
