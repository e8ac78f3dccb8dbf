import { request as requestFactory, type Locator, type Page } from '@playwright/test'
import { E2E } from './support/config'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { expectFits, linesOfText, STAFF_SIZES } from './support/fits'
import { postCredentials } from './support/login-page'
import { cancelCharges, chargeAt, newStation, readySandbox } from './support/own-station'
import { markDocument, sameDocument } from './support/same-document'
import { sandbox, uniqueBill } from './support/sandbox'
import type { PayWay } from '@/lib/dms/types'
import { LOCALE_COOKIE, type Locale } from '@/lib/locale'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * 交班 as a manager closes a station's day: the totals equal the rows, an open charge holds the
 * handover back, the record keeps the totals, and the page prints on A4 and on an 80 mm roll.
 */

const SHOTS = 'screenshots/handover'

// A test that stopped midway leaves no sandbox fault to the next one.
test.afterEach(async () => {
  await sandbox.clearFaults()
})

/** The page size of every page of a PDF, in points, read from its /MediaBox entries. */
function pdfPageSizes(pdf: Buffer): Array<[number, number]> {
  const boxes = [
    ...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
  ]
  return boxes.map((m) => [Number(m[1]), Number(m[2])])
}

const MM = 72 / 25.4

/**
 * The page (in print media) printed on A4, then on the 80 mm roll through its paper choice: each
 * PDF page the paper's size. Leaves the page on the roll, in print media.
 */
async function expectPrintsOnA4AndRoll(page: Page) {
  const a4 = pdfPageSizes(await page.pdf({ preferCSSPageSize: true }))
  expect(a4.length).toBeGreaterThan(0)
  for (const [w, h] of a4) {
    expect(Math.abs(w - 210 * MM)).toBeLessThan(1)
    expect(Math.abs(h - 297 * MM)).toBeLessThan(1)
  }
  await page.emulateMedia({ media: 'screen' })
  await page.getByTestId('handover-paper-80mm').click()
  await expect(page).toHaveURL(/paper=80mm/)
  await page.emulateMedia({ media: 'print' })
  const roll = pdfPageSizes(await page.pdf({ preferCSSPageSize: true }))
  expect(roll.length).toBeGreaterThan(0)
  for (const [w] of roll) expect(Math.abs(w - 80 * MM)).toBeLessThan(1)
}

/** The spec's own station, set by the first test. */
let station = ''
/** The handover the manager recorded in the first test. */
let managerRecord = ''
/** The first test's first charge (paid), which DMS refunds after both handovers; its bill. */
let laterRefunded = { id: '', bill: '' }
/** The handover the cashier recorded in the last test but one. */
let cashierRecord = ''

/*
 * The window's line under the heading, at every phone width: each of its times, and the bracket
 * round the second, on one line (at 390 px the bracket broke as （12/05 / 02:39）).
 */
async function expectWindowTimesWhole(page: Page) {
  const line = page.getByTestId('handover-window')
  const broken: string[] = []
  let looked = 0
  for (let width = 320; width <= 440; width += 2) {
    await page.setViewportSize({ width, height: 844 })
    for (const pattern of [/\d\d\/\d\d \d\d:\d\d/, /（[^）]*）/]) {
      const lines = await linesOfText(line, pattern)
      expect(lines, `${pattern} in the window's line at ${width} px`).toBeGreaterThan(0)
      if (lines > 1) broken.push(`${pattern} at ${width} px: ${lines} lines`)
      looked++
    }
  }
  expect(looked).toBe(122)
  expect(broken).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
}

async function fenOf(rows: ReturnType<Page['getByTestId']>) {
  const fen = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-fen'))))
  return fen.reduce((a, b) => a + b, 0)
}

test('a manager hands over a station: totals equal the rows, open charges first, printed on A4 and 80 mm', async ({
  browser,
  cashierPage,
  managerPage,
}) => {
  test.setTimeout(90_000)
  await readySandbox()
  station = await newStation(browser, 'SHIFT')
  const prefix = uniqueBill('SHIFT')
  laterRefunded = { bill: `${prefix}-1`, id: '' }
  laterRefunded.id = await chargeAt(cashierPage, station, laterRefunded.bill, '12.34', 'paid')
  await chargeAt(cashierPage, station, `${prefix}-2`, '5.00', 'paid', { way: 'SCAN_ALIPAY' })
  await chargeAt(cashierPage, station, `${prefix}-3`, '7.00', 'failed')
  const open = await chargeAt(cashierPage, station, `${prefix}-4`, '3.00', 'pending')

  const url = `/handover?station=${station}`
  await managerPage.goto(url)
  const rows = managerPage.getByTestId('handover-row')
  await expect(rows).toHaveCount(4)
  const total = managerPage.getByTestId('handover-paid-total')
  const paidRows = rows.and(managerPage.locator('[data-status=paid]'))
  await expect(paidRows).toHaveCount(2)
  expect(await fenOf(paidRows)).toBe(1734)
  await expect(total).toHaveAttribute('data-fen', '1734')
  await expect(total).toHaveAttribute('data-count', '2')
  await expect(total).toHaveText('¥17.34')
  const way = (w: PayWay) =>
    managerPage.locator(`[data-testid=handover-pay-way][data-pay-way=${w}]`)
  await expect(way('SCAN_WEIXIN')).toHaveAttribute('data-fen', '1234')
  await expect(way('SCAN_ALIPAY')).toHaveAttribute('data-fen', '500')
  // Failed money is shown apart, never added to what was paid.
  const failed = managerPage.locator('[data-testid=handover-status][data-status=failed]')
  await expect(failed).toHaveAttribute('data-fen', '700')
  // The open charge holds the handover back until it is settled.
  await expect(managerPage.getByTestId('handover-open')).toHaveAttribute('data-count', '1')
  await expect(managerPage.getByTestId('handover-submit')).toBeDisabled()
  await managerPage.screenshot({ path: `${SHOTS}/handover-open-charge.png`, fullPage: true })

  await cancelCharges(browser, [open])
  await managerPage.reload()
  await expect(managerPage.getByTestId('handover-open')).toHaveCount(0)
  await expect(
    managerPage.locator('[data-testid=handover-status][data-status=closed]'),
  ).toHaveAttribute('data-fen', '300')
  await expect(total).toHaveAttribute('data-fen', '1734')
  await managerPage.screenshot({ path: `${SHOTS}/handover-ready.png` })
  await expectWindowTimesWhole(managerPage)

  // Printed: no navigation nor buttons, the figures stay; A4 by default, 80 mm when chosen.
  await managerPage.emulateMedia({ media: 'print' })
  await expect(managerPage.getByRole('navigation')).toBeHidden()
  await expect(managerPage.getByTestId('handover-submit')).toBeHidden()
  await expect(total).toBeVisible()
  await expectPrintsOnA4AndRoll(managerPage)
  // On the roll the content fits its 72 mm: nothing sticks out to the right.
  await managerPage.setViewportSize({ width: Math.round((80 * 96) / 25.4), height: 800 })
  const overflow = await managerPage.evaluate(() => {
    const sheet = document.querySelector('.paper-80mm')!
    return { content: sheet.scrollWidth, box: sheet.getBoundingClientRect().width }
  })
  expect(overflow.box).toBeLessThanOrEqual((72 * 96) / 25.4 + 1)
  expect(overflow.content).toBeLessThanOrEqual(Math.ceil(overflow.box))
  await managerPage.screenshot({ path: `${SHOTS}/handover-80mm-print.png`, fullPage: true })
  await managerPage.setViewportSize({ width: 1280, height: 800 })
  await managerPage.emulateMedia({ media: 'screen' })

  // 交班: recorded with its totals, and the next shift starts empty. A second tab drawn before it
  // is refused (the shift is gone) and shows the new, empty shift by itself, without a reload.
  await managerPage.goto(url)
  const late = await managerPage.context().newPage()
  await late.goto(url)
  await expect(late.getByTestId('handover-window')).toContainText('此前没有交班记录')
  await markDocument(late)
  await waitForHydration(managerPage.getByTestId('handover-submit'))
  await waitForHydration(late.getByTestId('handover-submit'))
  await managerPage.getByTestId('handover-submit').click()
  await expect(managerPage.getByTestId('handover-result')).toContainText('已交班')
  await late.getByTestId('handover-submit').click()
  await expect(late.getByTestId('handover-result')).toHaveText(
    '这一班刚刚已经有人交过班了。页面已更新为新的交班时段。',
  )
  await expect(late.getByTestId('handover-window')).toContainText('上次交班')
  await expect(late.getByTestId('handover-paid-total')).toHaveAttribute('data-fen', '0')
  expect(await sameDocument(late), 'the refused 交班 re-rendered the page, no reload').toBe(true)
  await late.close()
  // The shift just handed over prints from its own page, its totals as recorded.
  const printRecord = managerPage.getByTestId('handover-print-record')
  await expect(printRecord).toHaveText('打印交班单')
  managerRecord = (await printRecord.getAttribute('href'))!.split('/').pop()!
  expect(managerRecord).not.toBe('')
  await managerPage.goto(url)
  await expect(total).toHaveAttribute('data-fen', '0')
  await expect(rows).toHaveCount(0)
  await expect(managerPage.getByTestId('handover-window')).toContainText('上次交班')
  await expectWindowTimesWhole(managerPage)

  await managerPage.goto('/handover/history')
  const record = managerPage.getByTestId('handover-record').first()
  await expect(record).toHaveAttribute('data-fen', '1734')
  await expect(record).toHaveAttribute('data-count', '2')
  await expect(record).toContainText('¥12.34')
  await expect(record).toContainText('¥5.00')
  await managerPage.screenshot({ path: `${SHOTS}/handover-history.png` })
  // Each record opens its own page, to look at or print again.
  await record.getByTestId('handover-record-open').click()
  await expect(managerPage).toHaveURL(new RegExp(`/handover/${managerRecord}$`))
  await expect(total).toHaveAttribute('data-fen', '1734')
  await expect(rows).toHaveCount(4)
  await expect(managerPage.getByTestId('handover-print')).toBeVisible()
  await managerPage.goto('/handover/history')
  // On a phone the record is a list item: its totals inside the screen, nothing scrolled sideways
  // (at 390 px the table scrolled in its card, the totals off to the right, words one per line).
  await managerPage.setViewportSize({ width: 390, height: 844 })
  const box = (await record.locator('td', { hasText: '¥17.34' }).boundingBox())!
  expect(box.x, 'the paid total within 390 px').toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, 'the paid total within 390 px').toBeLessThanOrEqual(390)
  const card = await record.evaluate((tr) => {
    const el = tr.closest('table')!.parentElement!
    return { scroll: el.scrollWidth, client: el.clientWidth }
  })
  expect(card.scroll, 'the history card scrolls sideways').toBeLessThanOrEqual(card.client)
  await managerPage.screenshot({ path: `${SHOTS}/handover-history-390.png` })
  await managerPage.setViewportSize({ width: 1280, height: 800 })
  await managerPage.goto(`/charges/${open}`)
  await expect(managerPage.getByTestId('timeline-event').first()).toBeVisible()
  await managerPage.screenshot({ path: `${SHOTS}/detail-closed.png`, fullPage: true })
})

test('the audit log reads the handover in words: its action, labelled fields, a plain address', async ({
  adminPage,
}) => {
  await adminPage.goto('/admin/audit')
  const row = adminPage.locator('[data-testid=audit-row][data-action="handover.record"]').first()
  await expect(row).toContainText('交班')
  await expect(row).toContainText('已收款（元）')
  await expect(row).toContainText('17.34')
  await expect(row).toContainText('时段开始')
  await expect(row).not.toContainText('{')
  await expect(row).not.toContainText('::ffff:')
  // The station handed over reads by its name, linked to it; never station:<id>.
  const station = row.getByTestId('audit-target').getByRole('link')
  await expect(station).toHaveText(/^收银台 \S/)
  await expect(station).toHaveAttribute('href', /^\/admin\/stations#station-/)
  await expect(row).not.toContainText('station:')
  await adminPage.screenshot({ path: `${SHOTS}/audit.png` })
})

/** The newest audit entry matching `selector`, paging to older entries until one shows. */
async function auditRow(page: Page, selector: string): Promise<Locator> {
  await page.goto('/admin/audit')
  for (let pages = 1; ; pages++) {
    const rows = page.locator(selector)
    if ((await rows.count()) > 0) return rows.first()
    const older = await page.getByTestId('audit-older').getAttribute('href', { timeout: 1000 })
    expect(older, `${selector}: not on any of ${pages} pages`).not.toBeNull()
    await page.goto(older!)
  }
}

test('the audit log names who and what in words: the system, the demo set-up, a typed name', async ({
  adminPage,
}) => {
  // Someone types "system" at the sign-in form: the log keeps what was typed, never 系统.
  const api = await requestFactory.newContext({ baseURL: E2E.baseUrl })
  const failed = await postCredentials(
    api,
    { username: 'system', password: 'not-the-password' },
    // An address of its own, so the attempt takes nothing from other specs' allowance.
    { 'x-forwarded-for': '192.0.2.31' },
  )
  expect(failed.headers()['location']).toContain('error=')
  await api.dispose()
  const typed = await auditRow(
    adminPage,
    '[data-testid=audit-row][data-action="auth.sign-in-failed"]:has([data-actor-kind=sign-in])',
  )
  await expect(typed.getByTestId('audit-actor')).toHaveText('system登录时输入的用户名')
  await expect(typed).toContainText('192.0.2.31')

  // The demo set-up added the admin: 演示数据 added 员工 管理员, not "seed" and "user:admin".
  const seeded = await auditRow(
    adminPage,
    '[data-testid=audit-row][data-action="user.create"]:has([data-actor-kind=seed])',
  )
  await expect(seeded.getByTestId('audit-actor')).toHaveText('演示数据')
  await expect(seeded.getByTestId('audit-target').getByRole('link')).toHaveText('员工 管理员')
  await expect(seeded).not.toContainText('seed')
  await expect(seeded).not.toContainText('user:')

  // The cashier itself made the first station: 系统 added 收银台 <its name>.
  const made = await auditRow(
    adminPage,
    '[data-testid=audit-row][data-action="station.create"]:has([data-actor-kind=system])',
  )
  await expect(made.getByTestId('audit-actor')).toHaveText('系统')
  await expect(made.getByTestId('audit-target').getByRole('link')).toHaveText(/^收银台 \S/)
  await expect(made).not.toContainText('system')
  await expect(made).not.toContainText('station:')
})

test('a cashier hands over their own shift only, and sees no one else’s', async ({
  cashierPage,
}) => {
  expect(station, 'the first test made the station').not.toBe('')
  await cashierPage.goto(`/handover?station=${station}`)
  const total = cashierPage.getByTestId('handover-paid-total')
  // The cashier's own window: the manager's handover of the whole station does not close it.
  await expect(cashierPage.getByTestId('handover-row')).toHaveCount(4)
  const paid = cashierPage.locator('[data-testid=handover-row][data-status=paid]')
  await expect(paid).toHaveCount(2)
  expect(await fenOf(paid)).toBe(1734)
  await expect(total).toHaveAttribute('data-fen', '1734')
  await expect(cashierPage.locator('select[name=cashier]')).toHaveCount(0)
  // The staff app has its icon (the tablet has its own, in its manifest).
  const icon = await cashierPage.locator('link[rel=icon]').first().getAttribute('href')
  const res = await cashierPage.request.get(icon!)
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('image/svg+xml')
  await expect(cashierPage.getByRole('link', { name: '交班记录' })).toHaveCount(0)
})

/*
 * The shift's list on a phone, in English: a bill number breaks only where it has a hyphen (break-all
 * cut WX20261205-0001 as WX20261205-0 / 001), and a status badge never touches the amount beside
 * it (付款失败 ran into ¥1,260.00).
 */
test('the shift’s list on a phone keeps bill numbers whole between hyphens and badges apart from amounts', async ({
  cashierPage: page,
}) => {
  expect(station, 'the first test made the station').not.toBe('')
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url: E2E.baseUrl }])
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/handover?station=${station}`)
  const rows = page.getByTestId('handover-row')
  await expect(rows).toHaveCount(4)
  await asShopBills(rows)
  const broken: string[] = []
  const touching: string[] = []
  let pieces = 0
  for (const row of await rows.all()) {
    const bill = row.getByRole('link')
    const text = (await bill.textContent())!
    pieces += text.split('-').length
    broken.push(...(await billBreaks(bill)))
    const gap = await row.evaluate((tr) => {
      const badge = tr.querySelector('td:nth-last-child(2) > *')!.getBoundingClientRect()
      const range = document.createRange()
      range.selectNodeContents(tr.querySelector('td:last-child')!)
      return Math.round(range.getBoundingClientRect().left - badge.right)
    })
    if (gap < 6) touching.push(`${text}: ${gap} px between its status and its amount`)
  }
  expect(pieces).toBe(8)
  expect(broken).toEqual([])
  expect(touching).toEqual([])
  await expectPrintBesidePaper(page, 'the open shift, en at 390')
  await page.screenshot({ path: `${SHOTS}/cashier-shift-en-390.png`, fullPage: true })
})

/**
 * A shop's own bills and amounts, as DMS writes them (this spec's bills are shorter, its amounts
 * small): WX + date + number, 15 characters, and four figures.
 */
async function asShopBills(rows: Locator) {
  await rows.evaluateAll((trs) =>
    trs.forEach((tr, i) => {
      tr.querySelector('a')!.textContent = `WX20261205-000${i + 1}`
      tr.querySelector('td:last-child')!.textContent = '¥1,260.00'
    }),
  )
}

/**
 * The print button on the paper choice's row: in English at 390 px it dropped to a row of its own
 * (the choice read “80 mm receipt”).
 */
async function expectPrintBesidePaper(page: Page, what: string) {
  const top = async (id: string) => Math.round((await page.getByTestId(id).boundingBox())!.y)
  expect(await top('handover-print'), `${what}: Print beside the paper choice`).toBe(
    await top('handover-paper-80mm'),
  )
}

/** Each piece of a bill number between its hyphens that takes more than one line. */
async function billBreaks(bill: Locator): Promise<string[]> {
  const text = (await bill.textContent())!
  const broken: string[] = []
  for (const piece of text.split('-')) {
    const lines = await linesOfText(bill, new RegExp(piece))
    if (lines !== 1) broken.push(`${piece} of ${text}: ${lines} lines`)
  }
  return broken
}

/*
 * The history page's head at a phone's width and a desk's, in both languages: its heading on one
 * line (at 390 px “Past handovers” broke over two beside its link), and the way back, like the
 * handover page's way to the history, a tap target of 44 px (they were 20 px text links).
 */
test('the handover history’s heading keeps to one line and its links are tap targets', async ({
  managerPage: page,
}) => {
  const tall = async (link: Locator, what: string) => {
    await expect(link, what).toBeVisible()
    const box = (await link.boundingBox())!
    expect(box.height, `${what}: a tap target`).toBeGreaterThanOrEqual(44)
    expect(box.x, `${what}: on screen`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `${what}: on screen`).toBeLessThanOrEqual(page.viewportSize()!.width)
  }
  const words = {
    en: { title: 'Past handovers', back: 'Back to the open shift' },
    'zh-CN': { title: '交班记录', back: '返回当前交班' },
  } as const
  for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }])
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      const what = `${locale} at ${width} px`
      await page.setViewportSize({ width, height })
      await page.goto('/handover/history')
      const heading = page.getByRole('heading', { level: 1 })
      await expect(heading).toHaveText(words[locale].title)
      expect(await linesOfText(heading, /.+/), `${what}: the heading's lines`).toBe(1)
      await tall(page.getByRole('link', { name: words[locale].back }), `${what}: the way back`)
      await page.screenshot({ path: `${SHOTS}/history-head-${locale}-${width}.png` })
      await page.goto('/handover')
      const history = page.getByRole('main').getByRole('link', { name: words[locale].title })
      await tall(history, `${what}: the link to the history`)
      // The scope's 查看 / Show: grey like the buttons beside it (it alone was ringed in blue).
      const show = page.getByTestId('handover-scope')
      const look = (el: Element) => {
        const s = getComputedStyle(el)
        return { color: s.color, ring: s.boxShadow, face: s.backgroundColor }
      }
      expect(await show.evaluate(look), `${what}: Show's look`).toEqual(
        await history.evaluate(look),
      )
    }
  }
})

/*
 * After 交班 the page moves on to the next, empty shift; the shift just recorded prints from its own
 * page (before, a shop had to print before pressing 交班). A cashier sees only their own records.
 */
test('a cashier hands over, then prints the recorded shift from its own page; no one else’s', async ({
  cashierPage: page,
  managerPage,
}) => {
  test.setTimeout(120_000)
  expect(station, 'the first test made the station').not.toBe('')
  expect(managerRecord, 'the first test recorded a handover').not.toBe('')
  await page.goto(`/handover?station=${station}`)
  await expect(page.getByTestId('handover-row')).toHaveCount(4)
  await waitForHydration(page.getByTestId('handover-submit'))
  await page.getByTestId('handover-submit').click()
  await expect(page.getByTestId('handover-result')).toContainText('已交班')
  await expect(page.getByTestId('handover-row')).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/record-after-submit.png` })
  await page.getByTestId('handover-print-record').click()
  await expect(page).toHaveURL(/\/handover\/[^/?]+$/)
  const id = page.url().split('/').pop()!
  cashierRecord = id
  const total = page.getByTestId('handover-paid-total')
  await expect(total).toHaveAttribute('data-fen', '1734')
  await expect(total).toHaveAttribute('data-count', '2')
  const rows = page.getByTestId('handover-row')
  await expect(rows).toHaveCount(4)
  expect(await fenOf(rows.and(page.locator('[data-status=paid]')))).toBe(1734)
  await expect(page.getByTestId('handover-handed')).toContainText('收银员')
  await expect(page.getByTestId('handover-print')).toBeVisible()

  // Printed on A4, then on the 80 mm roll: the figures stay, the buttons go.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('handover-print')).toBeHidden()
  await expect(total).toBeVisible()
  await expectPrintsOnA4AndRoll(page)
  await page.emulateMedia({ media: 'screen' })

  // Both languages, a desk and a phone, on screen and as printed.
  let shots = 0
  for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }])
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height })
      for (const paper of ['a4', '80mm'] as const) {
        await page.goto(`/handover/${id}?paper=${paper}`)
        await expect(total).toHaveAttribute('data-fen', '1734')
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media })
          const name = `record-${locale}-${width}-${paper}-${media}.png`
          await page.screenshot({ path: `${SHOTS}/${name}`, fullPage: true })
          shots++
        }
      }
    }
  }
  expect(shots).toBe(16)
  await page.emulateMedia({ media: 'screen' })
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'zh-CN', url: E2E.baseUrl }])
  await page.setViewportSize({ width: 1280, height: 800 })

  // The manager's record is not the cashier's: not found, as if there were none.
  const other = await page.goto(`/handover/${managerRecord}`)
  expect(other!.status()).toBe(404)
  await expect(total).toHaveCount(0)
  const none = await page.goto('/handover/no-such-handover')
  expect(none!.status()).toBe(404)

  // The manager finds the cashier's record in 交班记录 and opens it.
  await managerPage.goto('/handover/history')
  const record = managerPage.locator(`[data-testid=handover-record][data-handover-id="${id}"]`)
  await expect(record).toHaveAttribute('data-fen', '1734')
  await managerPage.screenshot({ path: `${SHOTS}/record-history.png` })
  await record.getByTestId('handover-record-open').click()
  await expect(managerPage).toHaveURL(new RegExp(`/handover/${id}$`))
  await expect(managerPage.getByTestId('handover-paid-total')).toHaveAttribute('data-fen', '1734')
  await expect(managerPage.getByTestId('handover-row')).toHaveCount(4)
})

/** Each visible text's lines in the cell (its label, shown on a phone only, left out). */
async function cellLines(cell: Locator): Promise<number> {
  return cell.evaluate((td) => {
    const tops = new Set<number>()
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement!.checkVisibility() || n.textContent!.trim() === '') continue
      const range = document.createRange()
      range.selectNodeContents(n)
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top))
    }
    return tops.size
  })
}

/*
 * A recorded handover is the record of its moment. DMS refunds a charge after 交班: the recorded
 * page still lists it as paid, as its totals counted it, with what it became and when under its
 * status; its rows, status by status, add up to the totals (before, the row said refunded beside a
 * paid total that counted it).
 */
test('a recorded handover lists each charge as at 交班 and marks the one changed since', async ({
  managerPage: page,
}) => {
  test.setTimeout(90_000)
  expect(cashierRecord, 'the cashier recorded a handover').not.toBe('')
  expect(laterRefunded.id, 'the first test took the payment').not.toBe('')
  const [order] = await sandbox.ordersForBill(laterRefunded.bill)
  await sandbox.refund(order!.bizOrderNo)
  // The shop learns of it as it would: DMS's notification, or else a manager's check. Should the
  // notification land between reading the page and the click, the check is refused as ended and
  // the page shows the refund by itself (manager-recheck.spec.ts): one click either way.
  await page.goto(`/charges/${laterRefunded.id}`)
  const status = page.getByTestId('charge-status')
  if ((await status.getAttribute('data-status')) === 'paid') {
    await waitForHydration(page.getByTestId('charge-recheck'))
    await page.getByTestId('charge-recheck').click()
  }
  await expect(status).toHaveAttribute('data-status', 'refunded')

  const total = page.getByTestId('handover-paid-total')
  const rows = page.getByTestId('handover-row')
  for (const record of [managerRecord, cashierRecord]) {
    await page.goto(`/handover/${record}`)
    await expect(total).toHaveAttribute('data-fen', '1734')
    await expect(rows).toHaveCount(4)
    const refunded = rows.and(page.locator(`[data-charge-id="${laterRefunded.id}"]`))
    await expect(refunded).toHaveAttribute('data-status', 'paid')
    await expect(refunded).toHaveAttribute('data-later-status', 'refunded')
    await expect(refunded.getByTestId('handover-row-later')).toHaveText(
      /^交班后：已退款 (\d\d\/\d\d )?\d\d:\d\d$/,
    )
    await expect(page.getByTestId('handover-row-later')).toHaveCount(1)
    const note = page.getByTestId('handover-as-at')
    await expect(note).toHaveAttribute('data-changed', '1')
    await expect(note).toContainText('合计和每笔的状态都是交班时')
    await expect(note).toContainText('其中 1 笔交班后有变化')
    // Status by status, the rows add up to the frozen totals: paid to the paid total, the others
    // each to their line of 未收款, and no row is refunded, as none was at 交班.
    const byStatus = await rows.evaluateAll((trs) =>
      trs.reduce<Record<string, number>>((sum, tr) => {
        const s = tr.getAttribute('data-status')!
        sum[s] = (sum[s] ?? 0) + Number(tr.getAttribute('data-fen'))
        return sum
      }, {}),
    )
    const frozen: Record<string, number> = { paid: Number(await total.getAttribute('data-fen')) }
    for (const line of await page.getByTestId('handover-status').all()) {
      frozen[(await line.getAttribute('data-status'))!] = Number(
        await line.getAttribute('data-fen'),
      )
    }
    expect(byStatus).toEqual({ paid: 1734, failed: 700, closed: 300 })
    expect(frozen).toEqual(byStatus)
  }

  // The refund is money out of the shift it happened in: the station's open shift lists it there,
  // and what that shift took is the less for it.
  await page.goto(`/handover?station=${station}`)
  const late = page.getByTestId('handover-late-row')
  await expect(late).toHaveCount(1)
  await expect(late).toHaveAttribute('data-charge-id', laterRefunded.id)
  await expect(late).toHaveAttribute('data-from', 'paid')
  await expect(late).toHaveAttribute('data-to', 'refunded')
  await expect(late).toHaveAttribute('data-fen', '-1234')
  await expect(page.getByTestId('handover-late-out')).toHaveAttribute('data-fen', '1234')
  await expect(page.getByTestId('handover-taken')).toHaveAttribute('data-fen', '-1234')
  await page.screenshot({ path: `${SHOTS}/late-refund-open.png`, fullPage: true })

  // Both languages, a desk, a small desk and a phone: nothing sticks out, the note once.
  let shots = 0
  for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }])
    for (const [width, height] of STAFF_SIZES) {
      await page.setViewportSize({ width, height })
      await page.goto(`/handover/${managerRecord}`)
      const later = page.getByTestId('handover-row-later')
      await expect(later).toHaveText(
        locale === 'en'
          ? /^After handover: Refunded (\d\d\/\d\d )?\d\d:\d\d$/
          : /^交班后：已退款 (\d\d\/\d\d )?\d\d:\d\d$/,
      )
      // Beside a row's later line a bill number broke mid-number on a phone (WX2|0261|205-|0001).
      await asShopBills(rows)
      const broken: string[] = []
      for (const row of await rows.all()) broken.push(...(await billBreaks(row.getByRole('link'))))
      expect(broken, `bills at ${width} (${locale})`).toEqual([])
      await expectPrintBesidePaper(page, `a record, ${locale} at ${width}`)
      await expectFits(page)
      await page.screenshot({
        path: `${SHOTS}/record-changed-${locale}-${width}.png`,
        fullPage: true,
      })
      shots++
    }
  }
  expect(shots).toBe(6)
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'zh-CN', url: E2E.baseUrl }])
})

/*
 * 交班记录 at a desk's widths: names and times each on one line, the table inside its card (a short
 * 收银员小王 broke in two at 1280 px once the 查看 / 打印 column came).
 */
test('交班记录 keeps names and times on one line at 1280 and 1024 px', async ({
  managerPage: page,
}) => {
  // The newest record: this spec's cashier's (not read from the earlier test, so it runs alone).
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.goto('/handover/history')
    const record = page.getByTestId('handover-record').first()
    await expect(record).toBeVisible()
    const cells = record.locator('td')
    // When, station, cashier and handed over by: one line each; the window's two times each whole
    // (at 1024 px the window takes two lines, between its times).
    const lines: string[] = []
    const times = cells.nth(3).locator(':scope > span > span')
    await expect(times).toHaveCount(2)
    for (const cell of [0, 1, 2, 4].map((i) => cells.nth(i)).concat(await times.all())) {
      const n = await cellLines(cell)
      if (n !== 1) lines.push(`${await cell.innerText()}: ${n} lines at ${width} px`)
    }
    expect(lines).toEqual([])
    const card = await record.evaluate((tr) => {
      const el = tr.closest('table')!.parentElement!
      return { scroll: el.scrollWidth, client: el.clientWidth }
    })
    expect(card.scroll, `the history table inside its card at ${width} px`).toBeLessThanOrEqual(
      card.client,
    )
    await page.screenshot({ path: `${SHOTS}/history-${width}.png` })
  }
})

/**
 * Each visible Latin word of `target`'s text (none in zh-CN), its data left out: bill numbers, and
 * the scope picker's station names (every station other tests made, e.g. 一趟 mxaz1mjn).
 */
async function latinWords(target: Locator): Promise<string[]> {
  let text = await target.innerText()
  for (const option of await target.locator('option').allInnerTexts()) {
    text = text.replaceAll(option, '')
  }
  return text.replace(/[A-Z]+-[A-Z0-9-]+/g, '').match(/[A-Za-z]{2,}/g) ?? []
}

/*
 * A charge still undecided at the desk is closed by hand ("not charged"), the shift handed over; the
 * customer's payment then turns up at DMS. The next handover lists it under 前班收款的变动 as money
 * in, and its 本班实收 counts it, frozen on the record (before, the payment was in no handover).
 */
test('a charge of a handed-over shift paid afterwards is in the next handover’s late changes', async ({
  browser,
  cashierPage,
  managerPage: page,
  adminPage,
}) => {
  test.setTimeout(120_000)
  await readySandbox()
  const lateStation = await newStation(browser, 'LATE')
  const bill = uniqueBill('LATE')
  // DMS records the create but its answer is lost and no query gets through: the charge is unknown.
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
  await sandbox.addFault({ endpoint: 'query', mode: 'http502' })
  const desk = new FrontDesk(cashierPage)
  await desk.open()
  await desk.fill(bill, '8.80', 'SCAN_WEIXIN')
  await cashierPage.locator('select[name=station_id]').selectOption(lateStation)
  await cashierPage.getByTestId('charge-submit').click()
  await desk.expectStatus('unknown', 30_000)
  const id = await chargeIdOf(cashierPage)
  await cashierPage.goto('/charge/new')

  // The manager settles it "not charged" (the customer's phone showed no payment), then hands over.
  await page.goto(`/charges/${id}`)
  const form = page.getByTestId('settle-charge')
  await waitForHydration(form)
  await form.getByTestId('settle-outcome').getByRole('radio', { name: '没有扣款' }).check()
  await page.getByTestId('settle-reason').fill('顾客手机显示未扣款')
  await page.getByTestId('settle-submit').click()
  await expect(page.getByTestId('charge-status')).toHaveAttribute('data-status', 'closed')
  const url = `/handover?station=${lateStation}`
  await page.goto(url)
  await expect(page.getByTestId('handover-row')).toHaveCount(1)
  await expect(page.getByTestId('handover-late')).toHaveCount(0)
  await waitForHydration(page.getByTestId('handover-submit'))
  await page.getByTestId('handover-submit').click()
  await expect(page.getByTestId('handover-result')).toContainText('已交班')
  const first = (await page.getByTestId('handover-print-record').getAttribute('href'))!

  // Ten minutes later in the shop: the customer's payment comes through after all.
  await sandbox.clearFaults()
  const [order] = await sandbox.ordersForBill(bill)
  await sandbox.pay(order!.bizOrderNo)
  await page.goto(`/charges/${id}`)
  const status = page.getByTestId('charge-status')
  if ((await status.getAttribute('data-status')) === 'closed') {
    await waitForHydration(page.getByTestId('charge-recheck'))
    await page.getByTestId('charge-recheck').click()
  }
  await expect(status).toHaveAttribute('data-status', 'paid')

  /** The late changes as a page shows them: one row, money in, and what the shift took. */
  async function expectLatePayment(what: string) {
    const late = page.getByTestId('handover-late')
    await expect(late, what).toHaveAttribute('data-count', '1')
    await expect(late.getByRole('heading')).toHaveText('前班收款的变动（1 笔）')
    const row = page.getByTestId('handover-late-row')
    await expect(row).toHaveAttribute('data-charge-id', id)
    await expect(row).toHaveAttribute('data-from', 'closed')
    await expect(row).toHaveAttribute('data-to', 'paid')
    await expect(row).toHaveAttribute('data-fen', '880')
    await expect(row).toContainText('+¥8.80')
    // The bill in the house look (a code face that breaks after its hyphens), still a link.
    const link = row.getByRole('link')
    await expect(link).toHaveAttribute('href', `/charges/${id}`)
    await expect(link.locator('code')).toHaveText(bill)
    // None of the window's own charges: the list says so without denying the money above it.
    await expect(page.getByTestId('handover-no-charges')).toHaveText(
      '本班没有新开的收款，只有上方前班收款的变动。',
    )
    await expect(page.getByTestId('handover-late-in')).toHaveAttribute('data-fen', '880')
    await expect(page.getByTestId('handover-late-out')).toHaveAttribute('data-fen', '0')
    await expect(page.getByTestId('handover-late-net')).toHaveAttribute('data-fen', '880')
    // The window's own paid total stays its own charges'; 本班实收 adds the late net, both named.
    await expect(page.getByTestId('handover-paid-total')).toHaveAttribute('data-fen', '0')
    const taken = page.getByTestId('handover-taken')
    await expect(taken).toHaveAttribute('data-fen', '880')
    await expect(taken).toContainText('本班实收 ¥8.80')
    await expect(taken).toContainText('已收款 ¥0.00，前班变动 +¥8.80')
    expect(await latinWords(page.getByRole('main')), `${what}: English in zh-CN`).toEqual([])
  }

  /**
   * The record in English at a desk and a phone (its words English, 本班实收 Taken this shift), and
   * printed on the 80 mm roll: pictures of each, to look at.
   */
  async function lookAtPrintAndEnglish(href: string) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url: E2E.baseUrl }])
    await page.goto(href)
    await expect(page.getByTestId('handover-taken')).toContainText('Taken this shift ¥8.80')
    await expect(page.getByTestId('handover-no-charges')).toHaveText(
      'No new charges this shift: only the earlier shifts’ changes above.',
    )
    // The page's own words: not a pay way's mark (支, hidden from readers) nor who handed over.
    const text = await page.getByRole('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement
      const data = copy.querySelectorAll('[aria-hidden="true"], [data-testid=handover-handed]')
      data.forEach((e) => e.remove())
      return copy.textContent ?? ''
    })
    expect(text.match(/[\u3400-\u9fff]+/g) ?? [], 'Chinese in the English record').toEqual([])
    await lookAt('late-record-en')
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'zh-CN', url: E2E.baseUrl }])
    await page.goto(`${href}?paper=80mm`)
    await page.setViewportSize({ width: 302, height: 1100 })
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: `${SHOTS}/late-record-80mm.png`, fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await page.setViewportSize({ width: 1280, height: 800 })
  }

  /** The page at a desk, a small desk and a phone: nothing sticks out; a picture of each. */
  async function lookAt(name: string) {
    for (const [width, height] of [
      [1280, 800],
      [1024, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height })
      await expectFits(page)
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
    }
    await page.setViewportSize({ width: 1280, height: 800 })
  }

  await page.goto(url)
  await expect(page.getByTestId('handover-row')).toHaveCount(0)
  await expectLatePayment('the open shift')
  await lookAt('late-open')

  await waitForHydration(page.getByTestId('handover-submit'))
  await page.getByTestId('handover-submit').click()
  await expect(page.getByTestId('handover-result')).toContainText('已交班')
  const second = (await page.getByTestId('handover-print-record').getAttribute('href'))!
  // The next shift starts with no late changes: the payment is counted, once.
  await page.goto(url)
  await expect(page.getByTestId('handover-late')).toHaveCount(0)
  await page.goto(second)
  await expectLatePayment('the record')
  await lookAt('late-record')
  await lookAtPrintAndEnglish(second)

  // 交班记录 shows what each shift took: beside the second's own ¥0.00, 本班实收 with the late net;
  // the first, with nothing of an earlier shift moved in it, its paid sum alone.
  await page.goto('/handover/history')
  const record = (href: string) =>
    page.locator(`[data-testid=handover-record]:has(a[href="${href}"])`)
  await expect(record(second)).toHaveAttribute('data-fen', '0')
  await expect(record(second)).toHaveAttribute('data-taken-fen', '880')
  const taken = record(second).getByTestId('handover-record-taken')
  await expect(taken).toHaveAttribute('data-fen', '880')
  await expect(taken).toContainText('本班实收 ¥8.80')
  await expect(taken).toContainText('前班变动 +¥8.80')
  await expect(record(first)).toHaveAttribute('data-taken-fen', '0')
  await expect(record(first).getByTestId('handover-record-taken')).toHaveCount(0)
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    await expectFits(page)
    await page.screenshot({ path: `${SHOTS}/late-history-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 800 })

  // The audit log's entry of the second 交班 says what the shift took, beside its paid sum.
  const entry = await auditRow(
    adminPage,
    `[data-testid=audit-row][data-action="handover.record"]:has(a[href$="station-${lateStation}"])`,
  )
  await expect(entry).toContainText('已收款（元）0.00')
  await expect(entry).toContainText('前班变动（元）8.80')
  await expect(entry).toContainText('本班实收（元）8.80')
  await adminPage.screenshot({ path: `${SHOTS}/late-audit-1280.png` })
  await adminPage.setViewportSize({ width: 390, height: 844 })
  await entry.scrollIntoViewIfNeeded()
  await adminPage.screenshot({ path: `${SHOTS}/late-audit-390.png` })
  // The shift it was taken in keeps its record as at its 交班: closed, nothing paid, no late line.
  await page.goto(first)
  await expect(page.getByTestId('handover-paid-total')).toHaveAttribute('data-fen', '0')
  await expect(page.getByTestId('handover-row')).toHaveAttribute('data-later-status', 'paid')
  await expect(page.getByTestId('handover-late')).toHaveCount(0)
})
