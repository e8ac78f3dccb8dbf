import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from '@/lib/http/security-headers'
import { handlePoll } from './node-handler'

/* Which requests the lean server answers itself, and how its answers look; the rest is Next's. */

const CHARGE = '/api/charges/0b8f7a3e-5c1d-4e2a-9f6b-1a2b3c4d5e6f'

describe('handlePoll', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!handlePoll(req, res)) res.writeHead(299, { 'x-handled-by': 'next' }).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it.each([
    ['GET', '/api/charges/export'],
    ['GET', '/api/charges/not-an-id'],
    ['GET', `${CHARGE}/`],
    ['POST', CHARGE],
    ['HEAD', '/api/display/state'],
    ['POST', '/api/display/state'],
    ['GET', '/api/display/pair'],
    ['GET', '/api/health'],
    ['GET', '/charge/new'],
  ])('leaves %s %s to Next', async (method, path) => {
    const res = await fetch(`${base}${path}`, { method })
    expect(res.status).toBe(299)
  })

  it('answers a charge poll without a session 401, as JSON with every security header', async () => {
    const res = await fetch(`${base}${CHARGE}?t=1`)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'unauthenticated' })
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('cache-control')).toBe('no-store')
    for (const h of SECURITY_HEADERS) expect(res.headers.get(h.key)).toBe(h.value)
  })

  it('answers a station status poll without a session 401', async () => {
    const res = await fetch(
      `${base}/api/stations/0b8f7a3e-5c1d-4e2a-9f6b-1a2b3c4d5e6f/display-status`,
    )
    expect(res.status).toBe(401)
  })

  it('answers a tablet poll without a credential 401 and clears the cookie', async () => {
    const res = await fetch(`${base}/api/display/state`, {
      headers: { cookie: 'cashier_display=x' },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'unpaired' })
    expect(res.headers.get('set-cookie')).toMatch(
      /^cashier_display=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/,
    )
  })
})
