import { BlockList, isIP } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isLoopback,
  limitKey,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  trustedProxyTest,
} from './address'

const none = trustedProxyTest([])
const trust = (...entries: string[]) => {
  const parsed = parseTrustedProxies(entries.join(','))
  if (!parsed.ok) throw new Error(parsed.error)
  return trustedProxyTest(parsed.entries)
}

describe('client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9')
    expect(resolveClientAddress('::ffff:192.168.1.20', '10.0.0.1, 1.2.3.4', none)).toBe(
      '192.168.1.20',
    )
  })

  it('is the peer when the peer is not a trusted proxy', () => {
    expect(resolveClientAddress('198.51.100.7', '1.2.3.4', trust('127.0.0.1'))).toBe('198.51.100.7')
  })

  it('takes the address a trusted proxy appended, not what the client wrote before it', () => {
    // nginx `$proxy_add_x_forwarded_for`: the client's own header, then the address nginx saw.
    const xff = '6.6.6.6, 203.0.113.9'
    expect(resolveClientAddress('127.0.0.1', xff, trust('127.0.0.1'))).toBe('203.0.113.9')
    expect(resolveClientAddress('::ffff:127.0.0.1', xff, trust('127.0.0.1'))).toBe('203.0.113.9')
  })

  it('walks back through a chain of trusted proxies (ranges too)', () => {
    const xff = '6.6.6.6, 203.0.113.9, 10.1.2.3'
    expect(resolveClientAddress('10.0.0.5', xff, trust('10.0.0.0/8'))).toBe('203.0.113.9')
    expect(resolveClientAddress('fd00::5', '2001:db8::9', trust('fd00::/8'))).toBe('2001:db8::9')
  })

  it('stays with the proxy when what it forwarded is not an address, or nothing', () => {
    expect(resolveClientAddress('127.0.0.1', 'junk', trust('127.0.0.1'))).toBe('127.0.0.1')
    expect(resolveClientAddress('127.0.0.1', undefined, trust('127.0.0.1'))).toBe('127.0.0.1')
    expect(resolveClientAddress('127.0.0.1', ['1.1.1.1', '2.2.2.2'], trust('127.0.0.1'))).toBe(
      '2.2.2.2',
    )
  })

  it('writes one client one way, and anything else as unknown', () => {
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1')
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeAddress('10.0.0.1:5000')).toBe('10.0.0.1')
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1')
    // An IPv4-mapped address in any spelling is its IPv4 client (the audit log, loopback, proxies).
    expect(normalizeAddress('::ffff:c000:201')).toBe('192.0.2.1')
    expect(normalizeAddress('0:0:0:0:0:ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(normalizeAddress('[::ffff:c000:201]:443')).toBe('192.0.2.1')
    expect(normalizeAddress('::192.0.2.1')).toBe('::192.0.2.1') // IPv4-compatible: other bits
    expect(normalizeAddress('x'.repeat(500))).toBe('unknown')
    expect(normalizeAddress(undefined)).toBe('unknown')
  })

  it("keys the limits by an IPv6 client's /64 and by an IPv4 client's address", () => {
    const key = limitKey('2001:db8:aa:bb::1')
    expect(key).toBe('2001:db8:aa:bb::/64')
    expect(limitKey('2001:db8:aa:bb:1234:5678:9abc:def0')).toBe(key)
    expect(limitKey('2001:0DB8:00AA:00BB::FFFF')).toBe(key)
    expect(limitKey('[2001:db8:aa:bb::2]:8443')).toBe(key)
    expect(limitKey('2001:db8:aa:bc::1')).not.toBe(key)
    expect(limitKey('2001:db8:ab:bb::1')).not.toBe(key)
    // Compressed forms whose "::" falls inside the first 64 bits.
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(limitKey('2001:db8::1:0:0:1')).toBe('2001:db8:0:0::/64')
    expect(limitKey('2001::5:6:7:8:9')).toBe('2001:0:0:5::/64')
    expect(limitKey('::')).toBe('0:0:0:0::/64')
    expect(limitKey('::1')).toBe('0:0:0:0::/64')
    expect(limitKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64')
    // A zone id names the interface, not another client.
    expect(limitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(limitKey('FE80::2%25wlan0')).toBe('fe80:0:0:0::/64')
    // IPv4, mapped or not, is one client per address.
    expect(limitKey('::ffff:10.0.0.1')).toBe('10.0.0.1')
    expect(limitKey('::FFFF:10.0.0.1')).toBe(limitKey('10.0.0.1'))
    expect(limitKey('10.0.0.1:5000')).toBe('10.0.0.1')
    expect(limitKey('10.0.0.2')).not.toBe(limitKey('10.0.0.1'))
    expect(limitKey('junk')).toBe('unknown')
    expect(limitKey(null)).toBe('unknown')
  })

  it('keys odd spellings of one IPv6 client as its plain spelling is keyed', () => {
    const key = '2001:db8:aa:bb::/64'
    // "::" at the end, at the start, inside the last 64 bits; every group written out; uppercase.
    expect(limitKey('2001:db8:aa:bb::')).toBe(key)
    expect(limitKey('2001:DB8:AA:BB:0:0:0:1')).toBe(key)
    expect(limitKey('2001:0db8:00aa:00bb:0000:0000:0000:0001')).toBe(key)
    expect(limitKey('2001:db8:aa:bb:1::1')).toBe(key)
    expect(limitKey('1:2:3:4:5:6:7::')).toBe('1:2:3:4::/64')
    expect(limitKey('::2:3:4:5:6:7:8')).toBe('0:2:3:4::/64')
    expect(limitKey('1::')).toBe('1:0:0:0::/64')
    // A zone id, bracketed with a port or URL-encoded, names the interface: dropped.
    expect(limitKey('[2001:db8:aa:bb::1%eth0]:443')).toBe(key)
    expect(limitKey('2001:db8:aa:bb::1%25eth0')).toBe(key)
    // An IPv4 tail is the last 32 bits: the /64 is what stands before it.
    expect(limitKey('2001:db8:aa:bb:0:0:192.0.2.1')).toBe(key)
    expect(limitKey('2001:db8:aa:bb::192.0.2.1')).toBe(key)
    // The deprecated IPv4-compatible form is not IPv4-mapped (ipaddr.js alone would read it so).
    expect(limitKey('::192.0.2.1')).toBe('0:0:0:0::/64')
  })

  it('keys an IPv4-mapped address as its IPv4 client, however it is spelled', () => {
    for (const mapped of [
      '::ffff:192.0.2.1',
      '::ffff:c000:201',
      '::FFFF:C000:0201',
      '0:0:0:0:0:ffff:192.0.2.1',
      '0:0:0:0:0:ffff:c000:201',
      '0::ffff:192.0.2.1',
      '[::ffff:c000:201]:443',
    ]) {
      expect([mapped, limitKey(mapped)]).toEqual([mapped, '192.0.2.1'])
    }
  })

  it('keys every IPv6 spelling by the /64 that Node itself puts the address in', () => {
    // Node's own parser (BlockList) is the judge: the key must name the one /64 holding the address.
    const mapped = new BlockList()
    mapped.addSubnet('::ffff:0:0', 96, 'ipv6')
    fc.assert(
      fc.property(fc.mixedCase(fc.ipV6()), (address) => {
        const key = limitKey(address)
        const range = new BlockList()
        if (mapped.check(address, 'ipv6')) {
          expect(isIP(key)).toBe(4)
          range.addAddress(`::ffff:${key}`, 'ipv6')
        } else {
          expect(key).toMatch(/^((0|[1-9a-f][0-9a-f]{0,3}):){4}:\/64$/)
          range.addSubnet(key.slice(0, -'/64'.length), 64, 'ipv6')
        }
        expect(range.check(address, 'ipv6')).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('knows loopback', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('127.3.2.1')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopback('::ffff:7f00:1')).toBe(true)
    expect(isLoopback('192.0.2.2')).toBe(false)
    expect(isLoopback('::')).toBe(false)
    expect(isLoopback(undefined)).toBe(false)
  })
})

describe('TRUSTED_PROXIES', () => {
  it('reads addresses and ranges, separated by commas or spaces', () => {
    expect(parseTrustedProxies('127.0.0.1, 10.0.0.0/8  ::1 fd00::/8')).toEqual({
      ok: true,
      entries: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'],
    })
    expect(parseTrustedProxies('')).toEqual({ ok: true, entries: [] })
  })

  it('refuses what is not an address or range, by name', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '1.2.3.4/8/9', '::1/129', '*']) {
      const parsed = parseTrustedProxies(bad)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.error).toContain(bad)
    }
  })

  it('reads an IPv4-mapped range as the IPv4 range it covers, and refuses one wider than /96', () => {
    expect(parseTrustedProxies('::ffff:10.0.0.0/104, ::ffff:10.1.2.3/128')).toEqual({
      ok: true,
      entries: ['10.0.0.0/8', '10.1.2.3'],
    })
    const test = trust('::ffff:10.0.0.0/104')
    expect(test('10.9.8.7')).toBe(true)
    expect(test('::ffff:10.9.8.7')).toBe(true)
    expect(test('11.0.0.1')).toBe(false)
    expect(parseTrustedProxies('::ffff:a00:0/104')).toEqual({ ok: true, entries: ['10.0.0.0/8'] })
    const wide = parseTrustedProxies('::ffff:0.0.0.0/64')
    expect(wide.ok).toBe(false)
    if (!wide.ok) expect(wide.error).toContain('::ffff:0.0.0.0/64')
  })

  it('trusts nothing when empty', () => {
    expect(trustedProxyTest([])('127.0.0.1')).toBe(false)
  })
})
