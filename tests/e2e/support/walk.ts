import { request as requestFactory, type APIRequestContext } from '@playwright/test'
import { E2E, storageStateFor } from './config'
import type { ProbeResponse } from './exposure'
import { DEVICE_COOKIE } from '@/lib/display/device-cookie'
import type { World } from './world'

/*
 * Every page and route handler of the app, as requests, and who asks: the walk shared by the access
 * matrix (what each identity gets), the secrets check (what the bodies contain) and the headers check.
 * The expected answers live in access-matrix.spec.ts, written out as a table.
 */

export const IDENTITIES = [
  'none',
  'cashier',
  'manager',
  'admin',
  'tabletA',
  'tabletB',
  'revoked',
] as const
export type Identity = (typeof IDENTITIES)[number]

export interface Probe {
  /** The row's name in the expectation table. */
  name: string
  kind: 'page' | 'route'
  method: 'GET' | 'POST'
  path: (w: World) => string
  /** A Server-Sent Events route: read up to its first event, then let go (it never ends). */
  stream?: true
  form?: Record<string, string>
  /** A raw body instead of a form (the oversized ones). */
  data?: string
  headers?: Record<string, string>
}

/** The Origin a page of the app sends with its posts. */
const SAME_SITE = { origin: E2E.baseUrl }
/** Bigger than any form or notification: every public POST must refuse it (64 KB limit). */
const ONE_MB = 'a'.repeat(1024 * 1024)
const bigPost = (name: string, path: string, headers: Record<string, string> = {}): Probe => ({
  name,
  kind: 'route',
  method: 'POST',
  path: () => path,
  data: `code=${ONE_MB}`,
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
})

const page = (name: string, path: Probe['path'] = () => name): Probe => ({
  name,
  kind: 'page',
  method: 'GET',
  path,
})

const stream = (name: string, path: Probe['path']): Probe => ({
  name,
  kind: 'route',
  method: 'GET',
  path,
  stream: true,
})

export const PROBES: Probe[] = [
  page('/'),
  page('/login'),
  page('/charge/new'),
  page('/charge/today'),
  page('/charge/[open]', (w) => `/charge/${w.openCharge.id}`),
  page('/handover'),
  page('/handover/history'),
  page("/handover/[manager's]", (w) => `/handover/${w.handovers.manager}`),
  page("/handover/[cashier's]", (w) => `/handover/${w.handovers.cashier}`),
  page('/charges'),
  page('/charges/[paid]', (w) => `/charges/${w.paidCharge.id}`),
  page('/attention'),
  page('/admin'),
  page('/admin/users'),
  page('/admin/stations'),
  page('/admin/stations/[A]/tablets', (w) => `/admin/stations/${w.stationA}/tablets`),
  page('/admin/settings'),
  page('/admin/audit'),
  page('/forbidden'),
  page('/no-such-page'),
  page('/display'),
  { name: 'GET /api/health', kind: 'route', method: 'GET', path: () => '/api/health' },
  { name: 'GET /api/auth/session', kind: 'route', method: 'GET', path: () => '/api/auth/session' },
  {
    name: 'GET /api/charges/[open]',
    kind: 'route',
    method: 'GET',
    path: (w) => `/api/charges/${w.openCharge.id}`,
  },
  {
    name: 'GET /api/charges/export',
    kind: 'route',
    method: 'GET',
    path: (w) => `/api/charges/export?q=${w.paidCharge.bill}`,
  },
  {
    name: 'GET /api/charges/export/xlsx',
    kind: 'route',
    method: 'GET',
    path: (w) => `/api/charges/export/xlsx?q=${w.paidCharge.bill}`,
  },
  {
    name: 'GET /api/stations/[A]/display-status',
    kind: 'route',
    method: 'GET',
    path: (w) => `/api/stations/${w.stationA}/display-status`,
  },
  {
    name: 'GET /api/display/state',
    kind: 'route',
    method: 'GET',
    path: () => '/api/display/state',
  },
  stream('GET /api/charges/[open]/events', (w) => `/api/charges/${w.openCharge.id}/events`),
  stream(
    'GET /api/stations/[A]/display-status/events',
    (w) => `/api/stations/${w.stationA}/display-status/events`,
  ),
  stream('GET /api/display/state/events', () => '/api/display/state/events'),
  {
    name: 'GET /api/stations/[A]/today',
    kind: 'route',
    method: 'GET',
    path: (w) => `/api/stations/${w.stationA}/today`,
  },
  stream('GET /api/stations/[A]/today/events', (w) => `/api/stations/${w.stationA}/today/events`),
  { name: 'GET /api/attention', kind: 'route', method: 'GET', path: () => '/api/attention' },
  stream('GET /api/attention/events', () => '/api/attention/events'),
  // A malformed code: refused before the database, and not counted against the pairing limit.
  {
    name: 'POST /api/display/pair',
    kind: 'route',
    method: 'POST',
    path: () => '/api/display/pair',
    form: { code: '!' },
    headers: SAME_SITE,
  },
  // The same post made by another site's page (or a script that does not say where it comes from).
  {
    name: 'POST /api/display/pair (other site)',
    kind: 'route',
    method: 'POST',
    path: () => '/api/display/pair',
    form: { code: '!' },
    headers: { origin: 'https://evil.example' },
  },
  bigPost('POST /api/display/pair (1 MB)', '/api/display/pair', SAME_SITE),
  bigPost('POST /api/auth/callback/credentials (1 MB)', '/api/auth/callback/credentials'),
  bigPost('POST /login (1 MB)', '/login'),
  bigPost('POST /api/dms/notify (1 MB)', '/api/dms/notify'),
  { name: 'GET /pair/[code]', kind: 'route', method: 'GET', path: () => '/pair/!' },
  {
    name: 'GET /display/manifest.webmanifest',
    kind: 'route',
    method: 'GET',
    path: () => '/display/manifest.webmanifest',
  },
  {
    name: 'POST /api/dms/notify (unsigned)',
    kind: 'route',
    method: 'POST',
    path: () => '/api/dms/notify',
    form: { bizOrderNo: 'X', orderStatus: 'SUCCESS' },
  },
]

/** A request context that is `who`: a staff session from auth.setup.ts, or a tablet's cookie. */
export async function contextFor(who: Identity, world: World): Promise<APIRequestContext> {
  const base = { baseURL: E2E.baseUrl }
  if (who === 'none') return requestFactory.newContext(base)
  if (who === 'cashier' || who === 'manager' || who === 'admin') {
    return requestFactory.newContext({ ...base, storageState: storageStateFor(who) })
  }
  const token = {
    tabletA: world.tablets.A,
    tabletB: world.tablets.B,
    revoked: world.tablets.revoked,
  }[who]
  // A header, not the cookie jar: the revoked tablet's 401 clears the cookie, and it must keep trying.
  const extraHTTPHeaders = { cookie: `${DEVICE_COOKIE}=${token}` }
  const ctx = await requestFactory.newContext({ ...base, extraHTTPHeaders })
  deviceHeaders.set(ctx, extraHTTPHeaders)
  return ctx
}

/** The tablet's header of each context, for the stream probes that ask without Playwright. */
const deviceHeaders = new WeakMap<APIRequestContext, Record<string, string>>()

/*
 * A stream route answers for minutes: Playwright's request context would wait for the whole body.
 * Asked with fetch as the context's identity instead; its status, headers and first event kept.
 */
async function askStream(
  ctx: APIRequestContext,
  path: string,
  headers: Record<string, string>,
): Promise<{ response: ProbeResponse; body: string }> {
  const jar = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`)
  const device = deviceHeaders.get(ctx)?.cookie
  const cookie = [...jar, ...(device ? [device] : [])].join('; ')
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), 5_000)
  const res = await fetch(new URL(path, E2E.baseUrl), {
    headers: { accept: 'text/event-stream', ...headers, ...(cookie ? { cookie } : {}) },
    redirect: 'manual',
    signal: abort.signal,
  })
  let body = ''
  try {
    const reader = res.body?.getReader()
    const text = new TextDecoder()
    while (reader && !body.includes('\n\n')) {
      const { done, value } = await reader.read()
      if (done) break
      body += text.decode(value, { stream: true })
    }
  } catch {
    // Aborted after 5 s without a first event: the body so far is what the client was shown.
  } finally {
    clearTimeout(timer)
    abort.abort()
  }
  const list = [...res.headers]
    .filter(([name]) => name !== 'set-cookie')
    .map(([name, value]) => ({ name, value }))
  for (const value of res.headers.getSetCookie()) list.push({ name: 'set-cookie', value })
  const response: ProbeResponse = {
    status: () => res.status,
    headers: () => Object.fromEntries(res.headers),
    headersArray: () => list,
  }
  return { response, body }
}

export interface ProbeResult {
  cell: string
  response: ProbeResponse
  body: string
}

function locationPath(res: ProbeResponse): string {
  const location = res.headers()['location'] ?? ''
  const url = new URL(location, E2E.baseUrl)
  return `${url.pathname}${url.search}`
}

/** The answer in the table's words: `login`, `forbidden`, `→/path`, a status, or what a tablet sees. */
export function describe(probe: Probe, res: ProbeResponse, body: string, world: World): string {
  const status = res.status()
  if (status >= 300 && status < 400) {
    const to = locationPath(res)
    if (to.startsWith('/login')) return 'login'
    if (to === '/forbidden') return 'forbidden'
    return `${status}→${to}`
  }
  if (status === 200 && probe.name === '/display') {
    if (body.includes('data-testid="pair-screen"')) return 'pair-screen'
    if (body.includes('data-testid="display-status"')) return 'customer-screen'
  }
  if (status === 200 && probe.name.startsWith('GET /api/display/state')) {
    // A stream's first event carries the same view as the plain GET.
    const json = probe.stream ? (/^data: (.*)$/m.exec(body)?.[1] ?? 'null') : body
    const state = JSON.parse(json) as { charge: { bzOrder: string } | null }
    if (state.charge === null) return 'idle'
    return state.charge.bzOrder === world.openCharge.bill ? 'A-charge' : 'other-charge'
  }
  return String(status)
}

export async function runProbe(
  ctx: APIRequestContext,
  probe: Probe,
  world: World,
  headers: Record<string, string> = {},
): Promise<ProbeResult> {
  const url = probe.path(world)
  const all = { ...probe.headers, ...headers }
  if (probe.stream) {
    const { response, body } = await askStream(ctx, url, all)
    return { cell: describe(probe, response, body, world), response, body }
  }
  const response =
    probe.method === 'GET'
      ? await ctx.get(url, { maxRedirects: 0, headers: all })
      : await ctx.post(url, {
          maxRedirects: 0,
          headers: all,
          ...(probe.data === undefined ? { form: probe.form } : { data: probe.data }),
        })
  const body = await response.text()
  return { cell: describe(probe, response, body, world), response, body }
}
