import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createElement as h, type ReactElement } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { createFormatter, createTranslator, NextIntlClientProvider } from 'next-intl'
import { describe, expect, it, vi } from 'vitest'
import { EMPTY_FILTER } from '@/lib/charges/queries/filters'
import type { Charge } from '@/lib/charges/types'
import { foldTotals } from '@/lib/charges/queries/totals'
import { LOCALES, type Locale } from '@/lib/locale'
import { TIME_CONFIG } from '@/lib/time-text'
import { namespaceOf } from '@/messages/load'
import { ATTENTION_TAG } from './attention-tag'

/*
 * Smoke test: the manager's server components render with the real messages of both languages, every
 * key they use exists, and the stable test hooks are in the HTML.
 */

const state = vi.hoisted(() => ({ locale: 'zh-CN' as Locale, missing: [] as string[] }))

function messages(locale: string) {
  const dir = join(process.cwd(), 'messages', locale)
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  return Object.fromEntries(
    files.map((f) => [namespaceOf(f), JSON.parse(readFileSync(join(dir, f), 'utf8'))]),
  )
}

const onError = (e: { message: string }) => void state.missing.push(e.message)

vi.mock('next-intl/server', () => ({
  getLocale: async () => state.locale,
  // As i18n/request.ts configures it: a format name it does not know is reported, not shown raw.
  getFormatter: async () => createFormatter({ locale: state.locale, ...TIME_CONFIG, onError }),
  getTranslations: async (ns?: string) =>
    createTranslator({
      locale: state.locale,
      messages: messages(state.locale),
      namespace: ns,
      onError,
    }),
}))
vi.mock('next/navigation', () => ({ useRouter: () => ({ push() {} }), usePathname: () => '/' }))

const { ChargeTable } = await import('./charge-table')
const { ChargesEmpty, emptyKind } = await import('./charges-empty')
const { ExportLinks } = await import('./export-links')
const { ChargeFilters } = await import('./charge-filters')
const { TotalsPanel } = await import('./totals-panel')
const { ChargeTimeline } = await import('./charge-timeline')
const { ChargeSummary } = await import('./charge-summary')
const { HandoverSummary } = await import('../handover/handover-summary')
const { HandoverCharges } = await import('../handover/handover-charges')

async function render(el: ReactElement) {
  const provider = h(NextIntlClientProvider, {
    locale: state.locale,
    ...TIME_CONFIG,
    messages: messages(state.locale),
    onError,
    children: el,
  })
  const stream = await renderToReadableStream(provider)
  await stream.allReady
  return new Response(stream).text()
}

const row = {
  id: '0b9c6f1e-3a52-4c1b-9a57-2f0d5e1c8a11',
  createdAt: 1764050000000,
  bzOrder: 'WX-0007',
  amountFen: 12850,
  payWay: 'SCAN_WEIXIN' as const,
  status: 'paid' as const,
  stationId: 's',
  stationName: '前台 1',
  cashierId: 'c',
  cashierName: '小王',
  bizOrderNo: '1285453080879468544',
  orderNo: null,
  paidAt: null,
  paidAfterCancel: true,
  errorCode: null,
  errorMessage: null,
  payInfo: null,
}

/** The stored charge behind `row`, for the detail's summary. */
const storedCharge = {
  ...row,
  payerId: 'p',
  recieverId: 'r',
  payInfo: null,
  expiresAt: row.createdAt,
  cancelRequestedAt: null,
  cancelRequestedBy: null,
  nextCheckAt: null,
  claimUntil: null,
  checkFailures: 0,
  closeFailures: 0,
  closeRetryAt: null,
  version: 0,
  settledOutcome: null,
  settleDisputed: false,
  updatedAt: row.createdAt,
}

describe.each(LOCALES)('manager components [%s]', (locale) => {
  it('render with every message they use', async () => {
    state.locale = locale
    state.missing = []
    const html = [
      await render(await ChargeTable({ rows: [row] })),
      ...(await Promise.all(
        (
          [
            [{ ...EMPTY_FILTER, preset: 'today' }, 0],
            [{ ...EMPTY_FILTER, preset: 'all' }, 0],
            [{ ...EMPTY_FILTER, preset: 'week', q: 'WX' }, 0],
            [{ ...EMPTY_FILTER, q: 'WX' }, 3],
          ] as const
        ).map(async ([filter, total]) => render(await ChargesEmpty({ filter, total }))),
      )),
      await render(
        await ChargeFilters({
          filter: { ...EMPTY_FILTER, preset: 'week', statuses: ['paid'] },
          days: { from: '2025-11-24', to: '2025-11-26' },
          invalid: ['min'],
          stations: [{ id: 's', name: '前台 1' }],
          cashiers: [],
        }),
      ),
      await render(
        await TotalsPanel({
          totals: foldTotals([{ status: 'paid', payWay: 'SCAN_WEIXIN', count: 1, sumFen: 12850 }]),
          chart: {
            unit: 'day',
            from: '2025-11-25',
            to: '2025-11-26',
            points: [
              { key: '2025-11-25', fen: 0 },
              { key: '2025-11-26', fen: 12850 },
            ],
          },
        }),
      ),
      await render(
        await ChargeTimeline({
          events: [
            {
              id: 1,
              chargeId: row.id,
              at: row.createdAt,
              actorType: 'dms',
              actorId: null,
              actorName: 'DMS',
              type: 'paid',
              fromStatus: 'pending',
              toStatus: 'paid',
              dmsCode: 1000,
              dmsMessage: null,
              detail: null,
              repeatCount: 1,
              lastAt: null,
            },
            {
              id: 2,
              chargeId: row.id,
              at: row.createdAt,
              actorType: 'system',
              actorId: null,
              actorName: null,
              type: 'some-new-type',
              fromStatus: null,
              toStatus: null,
              dmsCode: null,
              dmsMessage: null,
              detail: null,
              repeatCount: 1,
              lastAt: null,
            },
          ],
        }),
      ),
      await render(
        await ChargeSummary({
          detail: {
            charge: { ...storedCharge, errorCode: 3000, errorMessage: '余额不足' },
            stationName: null,
            cashierName: '小王',
            events: [],
          },
        }),
      ),
      await render(
        await HandoverSummary({
          totals: foldTotals([
            { status: 'paid', payWay: 'SCAN_ALIPAY', count: 2, sumFen: 500 },
            { status: 'failed', payWay: 'SCAN_WEIXIN', count: 1, sumFen: 700 },
          ]),
        }),
      ),
      await render(await HandoverCharges({ charges: [row], cut: true, linkTo: 'charges' })),
    ].join('\n')
    expect(state.missing).toEqual([])
    expect(html).toContain('data-testid="handover-paid-total" data-fen="500"')
    expect(html).toContain('data-testid="handover-status" data-status="failed"')
    expect(html).toContain(`data-testid="charge-row" data-charge-id="${row.id}"`)
    expect(html).toContain('data-testid="totals"')
    for (const kind of ['today', 'ever', 'filtered', 'page'])
      expect(html).toContain(`data-testid="charges-empty" data-kind="${kind}"`)
    expect(html).toContain('some-new-type')
    expect(html).toContain('>1285453080879468544<') // the DMS id exactly as stored
  })
})

describe('the empty list', () => {
  it('tells nothing today, nothing ever, nothing in the filter and a page past the end apart', () => {
    expect(emptyKind({ ...EMPTY_FILTER, preset: 'today' }, 0)).toBe('today')
    expect(emptyKind({ ...EMPTY_FILTER, preset: 'all' }, 0)).toBe('ever')
    expect(emptyKind(EMPTY_FILTER, 0)).toBe('ever')
    expect(emptyKind({ ...EMPTY_FILTER, preset: 'yesterday' }, 0)).toBe('filtered')
    expect(emptyKind({ ...EMPTY_FILTER, from: '2025-11-24' }, 0)).toBe('filtered')
    expect(emptyKind({ ...EMPTY_FILTER, preset: 'today', statuses: ['paid'] }, 0)).toBe('filtered')
    expect(emptyKind({ ...EMPTY_FILTER, preset: 'all', minFen: 0 }, 0)).toBe('filtered')
    expect(emptyKind({ ...EMPTY_FILTER, q: 'WX' }, 5)).toBe('page')
  })
})

describe('the filter chips', () => {
  // English read “Status：Paid”: the chips joined name and value with a Chinese colon in code.
  it.each<[Locale, string, string]>([
    ['zh-CN', '状态：已收款', '支付方式：支付宝'],
    ['en', 'Status: Paid', 'Pay with: Alipay'],
  ])('say a filter and its value in the page’s language [%s]', async (locale, status, way) => {
    state.locale = locale
    const html = await render(
      await ChargeFilters({
        filter: { ...EMPTY_FILTER, statuses: ['paid'], payWays: ['SCAN_ALIPAY'] },
        days: { from: null, to: null },
        invalid: [],
        stations: [],
        cashiers: [],
      }),
    )
    expect(html).toContain(`>${status}<`)
    expect(html).toContain(`>${way}<`)
  })
})

describe('the totals by pay way', () => {
  // Filtered to Alipay, the card still listed “WeChat Pay 0 paid, ¥0.00”, a way the filter left out.
  it.each(LOCALES)('list only the pay ways the set holds [%s]', async (locale) => {
    state.locale = locale
    const tWay = createTranslator({ locale, messages: messages(locale), namespace: 'payWay' })
    const html = await render(
      await TotalsPanel({
        totals: foldTotals([
          { status: 'paid', payWay: 'SCAN_ALIPAY', count: 2, sumFen: 500 },
          { status: 'failed', payWay: 'SCAN_ALIPAY', count: 1, sumFen: 700 },
        ]),
        chart: { unit: 'hour', from: '2025-11-25', to: '2025-11-25', points: [] },
      }),
    )
    expect(html).toContain(`>${tWay('SCAN_ALIPAY')}<`)
    expect(html).not.toContain(tWay('SCAN_WEIXIN'))
  })
})

describe('one name for the charges list', () => {
  // English called it “Charges” in the navigation and “Payments” on the page it opens.
  it.each(['zh-CN', 'en'])('the navigation names it as its heading does [%s]', (locale) => {
    const m = messages(locale)
    expect(m.nav.charges).toBe(m.manager.list.heading)
  })

  // …and its empty states, its chart's note and the export's sheet said “charge”.
  it('English manager texts say payment, never charge', () => {
    const texts: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v)
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(messages('en').manager)
    expect(texts.filter((s) => /\bcharges?\b/i.test(s))).toEqual([])
  })
})

describe('a paid-after-cancel charge’s detail', () => {
  const charge = { ...storedCharge, cancelRequestedAt: row.createdAt }
  const handledEvent = {
    id: 9,
    chargeId: row.id,
    at: 1764051000000, // 2025-11-25 14:10:00 Beijing
    actorType: 'user' as const,
    actorId: 'm',
    actorName: '店长老李',
    type: 'attention-reviewed',
    fromStatus: null,
    toStatus: null,
    dmsCode: null,
    dmsMessage: null,
    detail: null,
    repeatCount: 1,
    lastAt: null,
  }
  const summary = (events: (typeof handledEvent)[]) =>
    ChargeSummary({ detail: { charge, stationName: '前台 1', cashierName: '小王', events } })

  // Marked handled on Needs attention, it still told the manager to check with the customer, and
  // before that it did not say where to mark it.
  it('says where to mark it handled, then who did and when', async () => {
    state.locale = 'zh-CN'
    state.missing = []
    const open = await render(await summary([]))
    expect(open).toContain('data-handled="false"')
    expect(open).toContain('href="/attention"')
    expect(open).toContain('请与顾客核对')
    const done = await render(await summary([handledEvent]))
    expect(done).toContain('data-handled="true"')
    expect(done).not.toContain('请与顾客核对')
    expect(done).toContain('店长老李 已于 2025/11/25 14:10:00 标记为已处理')
    expect(state.missing).toEqual([])
  })
})

describe('the date chip', () => {
  // From and to the same day read “2026-12-05 至 2026-12-05”.
  it.each([
    ['2025-11-25', '2025-11-25', '>2025-11-25<'],
    ['2025-11-24', '2025-11-25', '>2025-11-24 至 2025-11-25<'],
  ])('names one day once, a range by its ends [%s – %s]', async (from, to, shown) => {
    state.locale = 'zh-CN'
    const html = await render(
      await ChargeFilters({
        filter: { ...EMPTY_FILTER, from, to },
        days: { from, to },
        invalid: [],
        stations: [],
        cashiers: [],
      }),
    )
    expect(html).toContain(shown)
  })
})

describe('the timeline’s DMS line', () => {
  // A failed payment's event read “DMS 代码 1000 · 用户余额不足”: DMS's OK beside the failure's
  // reason, under a summary saying 代码 3000. The OK is not shown; a refusal's code is.
  it('shows what DMS said, and a code only when it is not DMS’s OK', async () => {
    state.locale = 'zh-CN'
    const event = (id: number, dmsCode: number, dmsMessage: string) => ({
      id,
      chargeId: row.id,
      at: row.createdAt,
      actorType: 'dms' as const,
      actorId: null,
      actorName: 'DMS',
      type: 'failed',
      fromStatus: 'pending' as const,
      toStatus: 'failed' as const,
      dmsCode,
      dmsMessage,
      detail: null,
      repeatCount: 1,
      lastAt: null,
    })
    const html = await render(
      await ChargeTimeline({
        events: [event(1, 1000, '用户余额不足'), event(2, 2003, '订单已支付，无法关闭')],
      }),
    )
    expect(html).toContain('用户余额不足')
    expect(html).not.toContain('DMS 代码 1000')
    expect(html).toContain('DMS 代码 2003')
  })
})

describe('the paid-after-cancel tag', () => {
  // The list tagged it red (the failed colour), the attention page amber: one reason, two looks.
  it('looks in the charges list as it does on the attention page', async () => {
    state.locale = 'zh-CN'
    const html = await render(await ChargeTable({ rows: [{ ...row, paidAfterCancel: true }] }))
    expect(html).toContain('取消后付款')
    expect(html).toMatch(new RegExp(`class="${ATTENTION_TAG} [^"]*">取消后付款<`))
  })
})

describe('the exports of an empty set', () => {
  // They were links to a file of headers only: not offered, and the reason said, in both languages.
  it.each<[Locale, string]>([
    ['zh-CN', '没有可导出的收款记录'],
    ['en', 'No payments to export'],
  ])('are shown but not offered, with the reason [%s]', async (locale, reason) => {
    state.locale = locale
    state.missing = []
    const params = new URLSearchParams({ range: 'yesterday' })
    const none = await render(await ExportLinks({ params, count: 0 }))
    expect(none).toContain(reason)
    expect(none).not.toContain('/api/charges/export')
    expect(none.match(/<button[^>]*disabled=""[^>]*aria-describedby="export-none"/g)).toHaveLength(
      2,
    )
    const some = await render(await ExportLinks({ params, count: 1 }))
    expect(some).not.toContain(reason)
    expect(some).toContain('href="/api/charges/export?range=yesterday"')
    expect(some).toContain('href="/api/charges/export/xlsx?range=yesterday"')
    expect(state.missing).toEqual([])
  })
})

describe.each(LOCALES)('the detail’s reason and close [%s]', (locale) => {
  const summary = async (charge: Partial<Charge>) => {
    state.locale = locale
    state.missing = []
    const c: Charge = { ...storedCharge, paidAfterCancel: false, ...charge }
    const html = await render(
      await ChargeSummary({
        detail: { charge: c, stationName: null, cashierName: null, events: [] },
      }),
    )
    expect(state.missing).toEqual([])
    return html
  }
  const zh = locale === 'zh-CN'
  /** The reason row's text, tags dropped. */
  const reason = (html: string) =>
    html.match(/data-testid="detail-error">(.*?)<\/dd>/)![1]!.replace(/<[^>]+>/g, '')

  // It read “DMS 返回 代码 3000：用户余额不足”, as if DMS had refused a request with 3000.
  it('says a payment the network failed as that, not as a DMS code', async () => {
    const html = await summary({
      status: 'failed',
      errorCode: 3000,
      errorMessage: '用户余额不足',
      payInfo: 'weixin://wxpay/bizpayurl?pr=AbC1234',
    })
    expect(reason(html)).toBe(
      zh ? '顾客支付失败：用户余额不足' : 'The customer&#x27;s payment failed: 用户余额不足',
    )
    expect(html).not.toContain('3000')
    // DMS's words kept whole where they fit, not broken as 用户余/额不足.
    expect(html).toContain('<span class="inline-block max-w-full">用户余额不足</span>')
  })

  // A create DMS answered payStatus "fail" read 顾客支付失败, though no QR was ever made.
  it('says a create answered payStatus “fail” as the platform making no QR', async () => {
    const noQr = { status: 'failed', errorCode: 3000, payInfo: null } as const
    expect(reason(await summary({ ...noQr, errorMessage: '商户号状态异常' }))).toBe(
      zh
        ? '支付平台未能生成收款码：商户号状态异常'
        : 'The payment platform could not make the QR code: 商户号状态异常',
    )
    expect(reason(await summary({ ...noQr, errorMessage: '' }))).toBe(
      zh ? '支付平台未能生成收款码' : 'The payment platform could not make the QR code',
    )
  })

  it('names DMS and its code for a refusal, an unknown code once', async () => {
    const refused = { status: 'refused', bizOrderNo: null, errorMessage: '付款账户不存在' } as const
    expect(reason(await summary({ ...refused, errorCode: 2001 }))).toBe(
      zh ? 'DMS 代码 2001：付款账户不存在' : 'DMS code 2001: 付款账户不存在',
    )
    const unknownCode = await summary({ ...refused, status: 'failed', errorCode: 4321 })
    expect(unknownCode.split('4321')).toHaveLength(2)
    const bare = await summary({ ...refused, errorCode: 4321, errorMessage: '' })
    expect(bare).toContain(zh ? '>DMS 代码 4321<' : '>DMS code 4321<')
  })

  it('says why it closed in the charge screen’s words: an expired QR as expired', async () => {
    // A QR that timed out had reached the counter: the create's answer carried it.
    const closed = {
      status: 'closed',
      expiresAt: row.createdAt + 60_000,
      payInfo: 'weixin://wxpay/bizpayurl?pr=AbC1234',
    } as const
    const timedOut = await summary({
      ...closed,
      cancelRequestedAt: row.createdAt + 61_000,
      cancelRequestedBy: null, // the system's close names nobody
    })
    expect(timedOut).toContain(zh ? '收款码已过期' : 'QR code expired')
    const cancelled = await summary({
      ...closed,
      cancelRequestedAt: row.createdAt + 1_000,
      cancelRequestedBy: '小王',
    })
    expect(cancelled).toContain(zh ? '小王 取消了这笔收款' : '小王 cancelled this payment')
    expect(cancelled).not.toContain(zh ? '过期' : 'expired')
    // A lost create's attempt, found and closed only after the deadline (DMS was down): no QR
    // ever reached the counter, and that is what closed it, not the time.
    const neverReceived = await summary({
      ...closed,
      payInfo: null,
      cancelRequestedAt: row.createdAt + 3_600_000,
      cancelRequestedBy: null,
    })
    expect(neverReceived).toContain(zh ? '没有及时送达收银台' : 'it never reached the cashier')
    expect(neverReceived).not.toContain(zh ? '过期' : 'expired')
  })
})

describe('the totals panel', () => {
  // With no start day (全部, or only an end day) the chart draws the 30 days up to the end, a long
  // range its latest year. Money paid before those days is in the headline but not in the chart's
  // days, and the panel then said “none of these payments went through” beside ¥128.50 paid.
  it('never says nothing was paid when the headline counts paid money', async () => {
    state.locale = 'zh-CN'
    state.missing = []
    const html = await render(
      await TotalsPanel({
        totals: foldTotals([{ status: 'paid', payWay: 'SCAN_WEIXIN', count: 1, sumFen: 12850 }]),
        chart: {
          unit: 'day',
          from: '2025-10-28',
          to: '2025-11-26',
          points: [
            { key: '2025-10-28', fen: 0 },
            { key: '2025-11-26', fen: 0 },
          ],
        },
      }),
    )
    expect(html).toContain('data-testid="paid-total" data-fen="12850"')
    expect(html).not.toContain('data-testid="no-chart"')
    expect(html).not.toContain('没有付款成功')
    expect(html).toContain('data-testid="paid-chart"')
    expect(state.missing).toEqual([])
  })
})

describe('the handover’s rows', () => {
  // A shift runs from the last handover to now, often over Beijing midnight (handed over the next
  // morning): its rows said only 20:15 and 09:05, and a printed sheet could not tell the days apart.
  it('name the day as well as the time when the shift runs over more than one day', async () => {
    state.locale = 'zh-CN'
    state.missing = []
    const evening = Date.UTC(2025, 10, 25, 12, 15) // 2025-11-25 20:15 in Beijing
    const morning = Date.UTC(2025, 10, 26, 1, 5) // 2025-11-26 09:05 in Beijing
    const cells = (html: string) =>
      [...html.matchAll(/data-testid="handover-row"[^>]*><td[^>]*>([^<]*)</g)].map((m) => m[1])
    const rows = [
      { ...row, id: 'a', createdAt: evening },
      { ...row, id: 'b', createdAt: morning },
    ]
    const overnight = await render(
      await HandoverCharges({ charges: rows, cut: false, linkTo: 'charges' }),
    )
    expect(cells(overnight)).toEqual(['11/25 20:15', '11/26 09:05'])
    const oneDay = await render(
      await HandoverCharges({ charges: rows.slice(1), cut: false, linkTo: 'charges' }),
    )
    expect(cells(oneDay)).toEqual(['09:05'])
    expect(state.missing).toEqual([])
  })
})
