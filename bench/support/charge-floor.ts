import type { Browser, Page } from '@playwright/test'
import { startBareNext, type BareApp } from './bare-next'
import { timeClick } from './click-clock'
import type { LowerBounds } from './lower-bounds'
import { fmt, median, percentile } from './stats'

/*
 * The floor under the app's click → QR (issue 14): a bare Next app (support/bare-next.ts) that does
 * only what no design can skip. A page with the bill and amount fields and a button; the browser
 * asks its server, which sends DMS the same create request as lib/dms/client.ts (endpoint A of
 * ../shared/dms-contract.md: form body, bearer token) and answers with payInfo, which the page
 * draws with qrcode.react's QRCodeSVG, as components/charges/charge-qr.tsx does. Two ways in: a
 * route handler (fetch POST) and a server action. Left out, so that the app minus the floor is what
 * they cost: the sign-in and permission checks, the form's validation, the station's accounts (the
 * floor sends the sandbox's fixed payer and receiver), the ledger writes (the charge and its
 * attempt), the charge screen and its preview. It imports nothing of the app: its files are here.
 * Its server times its own DMS call (data-dms-ms on the QR), the part of the floor that is DMS's.
 */

export const FLOOR_WAYS = ['route', 'action'] as const
export type FloorWay = (typeof FLOOR_WAYS)[number]
export const FLOOR_NAMES: Record<FloorWay, string> = {
  route: 'route handler',
  action: 'server action',
}

const CHARGE_FLOOR: BareApp = {
  name: 'bench-charge-floor',
  files: {
    'app/create-payment.js': `export async function createPayment(bzOrder, amountFen) {
  const t0 = performance.now()
  const res = await fetch(process.env.FLOOR_DMS_URL + '/dms/cash-out/payment', {
    method: 'POST',
    headers: {
      Authorization: 'Bearer ' + process.env.FLOOR_DMS_TOKEN,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
    },
    body: new URLSearchParams({
      bz_order: bzOrder,
      amount: String(amountFen),
      pay_way: 'SCAN_WEIXIN',
      payer_id: 'testtlzf',
      reciever_id: 'RCV-0001',
    }),
    redirect: 'manual',
    cache: 'no-store',
  })
  const reply = await res.json()
  if (reply.errCode !== 1000) throw new Error('DMS ' + reply.errCode + ': ' + reply.errMsg)
  return { payInfo: reply.data.payInfo, dmsMs: performance.now() - t0 }
}
`,
    'app/api/create/route.js': `import { createPayment } from '../../create-payment'

export async function POST(request) {
  const { bzOrder, amountFen } = await request.json()
  return Response.json(await createPayment(bzOrder, amountFen))
}
`,
    'app/actions.js': `'use server'
import { createPayment } from './create-payment'

export async function createAction(bzOrder, amountFen) {
  return createPayment(bzOrder, amountFen)
}
`,
    'app/[way]/page.jsx': `import { FloorForm } from '../floor-form'

export default async function Page({ params }) {
  return <main><FloorForm way={(await params).way} /></main>
}
`,
    'app/floor-form.jsx': `'use client'
import { useState } from 'react'
import { QRCodeSVG } from 'qrcode.react'
import { createAction } from './actions'

const viaRoute = (bzOrder, amountFen) =>
  fetch('/api/create', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ bzOrder, amountFen }),
  }).then((r) => r.json())

export function FloorForm({ way }) {
  const [created, setCreated] = useState(null)
  const submit = async (e) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const amountFen = Math.round(Number(data.get('amount')) * 100)
    const create = way === 'route' ? viaRoute : createAction
    setCreated(await create(String(data.get('bz_order')), amountFen))
  }
  return (
    <form onSubmit={submit}>
      <input name="bz_order" />
      <input name="amount" />
      <button data-testid="floor-submit">QR</button>
      {created && (
        <div data-testid="floor-qr" data-dms-ms={created.dmsMs} style={{ maxWidth: 360 }}>
          <QRCodeSVG value={created.payInfo} size={360} level="M" marginSize={2} title="QR"
            style={{ width: '100%', height: 'auto', display: 'block' }} />
        </div>
      )}
    </form>
  )
}
`,
  },
}

/** One click → QR on the floor: from the click (ms), and its server's DMS create (ms). */
export interface FloorClick {
  qr: number
  dmsMs: number
}

export interface ChargeFloor {
  /** One click → QR each way, in FLOOR_WAYS order, bills `<bill>-<way>`. */
  click(bill: string): Promise<Record<FloorWay, FloorClick>>
  stop(): Promise<void>
}

async function floorClick(page: Page, baseUrl: string, way: FloorWay, bill: string) {
  await page.goto(`${baseUrl}/${way}`)
  const { clickAt, seen } = await timeClick(page, {
    fields: { 'input[name=bz_order]': bill, 'input[name=amount]': '1.00' },
    watch: { __qr: '[data-testid=floor-qr]' },
    submit: 'floor-submit',
    until: 'floor-qr',
  })
  const dmsMs = Number(await page.getByTestId('floor-qr').getAttribute('data-dms-ms'))
  return { qr: seen.__qr! - clickAt, dmsMs }
}

/**
 * Builds and starts the floor against `dms` (the sandbox the app talks to, so its create latency
 * applies to both), with a page of its own in `browser` (same viewport as the cashier's).
 */
export async function startChargeFloor(
  browser: Browser,
  dms: { baseUrl: string; token: string },
): Promise<ChargeFloor> {
  const bare = await startBareNext(CHARGE_FLOOR, {
    FLOOR_DMS_URL: dms.baseUrl,
    FLOOR_DMS_TOKEN: dms.token,
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  return {
    async click(bill) {
      const route = await floorClick(page, bare.baseUrl, 'route', `${bill}-route`)
      const action = await floorClick(page, bare.baseUrl, 'action', `${bill}-action`)
      return { route, action }
    },
    async stop() {
      await context.close()
      bare.stop()
    },
  }
}

type FloorRun = Record<FloorWay, FloorClick>

/** Each way's runs counted, and none faster than the create latency (else it was not this scenario). */
export function floorBounds(
  bounds: LowerBounds,
  latencyMs: number,
  runs: FloorRun[],
  want: number,
) {
  for (const way of FLOOR_WAYS) {
    const qrs = runs.map((r) => r[way].qr)
    bounds.atLeast(`floor (${FLOOR_NAMES[way]}) charges timed at ${latencyMs} ms`, qrs.length, want)
    bounds.atLeast(
      `fastest floor (${FLOOR_NAMES[way]}) click → QR at ${latencyMs} ms (ms)`,
      Math.min(...qrs),
      latencyMs,
    )
  }
}

/** The floor's lines, beside the app's targets but without a verdict: they are information. */
export function printFloor(latencyMs: number, runs: FloorRun[]) {
  for (const way of FLOOR_WAYS) {
    const qrs = runs.map((r) => r[way].qr)
    const dms = runs.map((r) => r[way].dmsMs)
    console.log(
      `  floor (bare Next, ${FLOOR_NAMES[way]}): median ${fmt(median(qrs), 0)} ms = ${fmt(median(qrs) / latencyMs)}× latency, p95 ${fmt(percentile(qrs, 95), 0)} ms = ${fmt(percentile(qrs, 95) / latencyMs)}× (targets ≤ 1.15 / ≤ 1.30; information, no verdict); its server's DMS create: median ${fmt(median(dms), 0)} ms`,
    )
  }
}

/** What the app costs over the floor: its median and p95 minus each floor's. */
export function printAppOverFloor(appQrs: number[], runs: FloorRun[]) {
  const over = (p: number) =>
    FLOOR_WAYS.map(
      (way) =>
        percentile(appQrs, p) -
        percentile(
          runs.map((r) => r[way].qr),
          p,
        ),
    )
  const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${fmt(ms, 0)}`
  const [medRoute, medAction] = over(50).map(signed)
  const [p95Route, p95Action] = over(95).map(signed)
  console.log(
    `  app minus floor (ms): median ${medRoute} over the route handler, ${medAction} over the server action; p95 ${p95Route} / ${p95Action}`,
  )
}
