import 'server-only'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { headers } from 'next/headers'
import { resolveClientAddress, trustedProxyTest, UNKNOWN_ADDRESS } from './address'

/*
 * The one place a request's client address comes from, for the sign-in and pairing limits, the
 * audit log and the tablet's pairing record.
 *
 * Route handlers and server actions never see the socket, and Next passes X-Forwarded-For on as the
 * client sent it (it only fills it in when absent), so that header alone would let anyone pick
 * their address. Instead, as Node receives each request, before any handler runs, the address is
 * worked out from the socket's peer (and X-Forwarded-For only when that peer is a trusted proxy,
 * TRUSTED_PROXIES) and written into a header of our own. The header carries a secret made at
 * start-up, so a client that sends one itself (or a request that arrived before the hook was in
 * place) is not believed: it counts as "unknown", which is limited like any other address.
 * Node's `http.server.request.start` channel fires for every server in the process, whichever
 * started it (`next start`, a custom server, the dev server).
 */

const HEADER = 'x-cashier-client'
const STATE = Symbol.for('dms-cashier.client-address')

type State = { tag: string; installed: boolean }

function state(): State {
  const g = globalThis as { [STATE]?: State }
  g[STATE] ??= { tag: randomBytes(18).toString('base64url'), installed: false }
  return g[STATE]
}

/** At start-up: stamps every request this process receives with its client's address. */
export function installClientAddressStamp(trustedProxies: readonly string[]): void {
  const s = state()
  if (s.installed) return
  s.installed = true
  const trusted = trustedProxyTest(trustedProxies)
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    const address = resolveClientAddress(
      socket.remoteAddress,
      request.headers['x-forwarded-for'],
      trusted,
    )
    request.headers[HEADER] = `${s.tag} ${address}`
  })
}

/** The client address of a request (its headers as a handler sees them). */
export function clientAddress(h: Headers): string {
  const value = h.get(HEADER)
  const space = value?.indexOf(' ') ?? -1
  if (!value || space < 0) return UNKNOWN_ADDRESS
  const given = Buffer.from(value.slice(0, space))
  const tag = Buffer.from(state().tag)
  if (given.length !== tag.length || !timingSafeEqual(given, tag)) return UNKNOWN_ADDRESS
  return value.slice(space + 1)
}

/** The client address of the current Next request (page, action, route handler). */
export async function requestClientAddress(): Promise<string> {
  return clientAddress(await headers())
}
