import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { takePayment } from './support/charges'
import { expect, test } from './support/fixtures'
import { expectFits, expectNothingClipped, linesOfText } from './support/fits'
import { sandbox, uniqueBill } from './support/sandbox'
import { expectTimelineEndsAtLastDot } from './support/timeline'
import { readySandbox } from './support/own-station'
import { waitForHydration } from '@/tests/support/hydration'

test.beforeAll(readySandbox)
// (The re-check button is proved in manager-recheck.spec.ts, on a server without a sweep.)

const yuan = (text: string) => Number(text.replace(/[¥,\s]/g, ''))

test('filters live in the URL, views can be saved, and totals equal the rows', async ({
  cashierPage,
  managerPage,
}) => {
  const prefix = uniqueBill('MGR')
  await takePayment(cashierPage, `${prefix}-A`, '100.00', 'paid')
  await takePayment(cashierPage, `${prefix}-B`, '20.50', 'failed', 'SCAN_ALIPAY')
  await takePayment(cashierPage, `${prefix}-C`, '3.25', 'closed')

  await managerPage.goto(`/charges?q=${prefix}`)
  const rows = managerPage.getByTestId('charge-row')
  await expect(rows).toHaveCount(3)
  const totals = managerPage.getByTestId('totals')
  await expect(totals).toHaveAttribute('data-count', '3')
  // Something to export: both exports are links to the file.
  for (const hook of ['export-csv', 'export-xlsx']) {
    await expect(managerPage.getByTestId(hook)).toHaveAttribute('href', /^\/api\/charges\/export/)
  }
  await expect(managerPage.getByTestId('export-none')).toHaveCount(0)
  // Each status is its own count and sum, equal to its rows; only paid is the headline.
  const fenOfRows = async (status: string) => {
    const texts = await rows
      .and(managerPage.locator(`[data-status=${status}]`))
      .locator('td:nth-child(3)')
      .allInnerTexts()
    return {
      count: texts.length,
      fen: Math.round(texts.map(yuan).reduce((a, b) => a + b, 0) * 100),
    }
  }
  const paid = await fenOfRows('paid')
  expect(paid).toEqual({ count: 1, fen: 10000 })
  const headline = managerPage.getByTestId('paid-total')
  await expect(headline).toHaveAttribute('data-fen', String(paid.fen))
  await expect(headline).toHaveAttribute('data-count', '1')
  for (const status of ['failed', 'closed']) {
    const own = await fenOfRows(status)
    expect(own.count, status).toBe(1)
    const line = managerPage.locator(`[data-testid=status-total][data-status=${status}]`)
    await expect(line).toHaveAttribute('data-fen', String(own.fen))
    await expect(line).toHaveAttribute('data-count', '1')
  }
  // One charge a day's list: the chart is by hour; a search that finds nothing draws none.
  await expect(managerPage.getByTestId('paid-chart')).toHaveAttribute('data-unit', 'day')
  await managerPage.goto(`/charges?q=${prefix}&range=today`)
  await expect(managerPage.getByTestId('paid-chart')).toHaveAttribute('data-unit', 'hour')
  await expect(managerPage.getByTestId('paid-chart')).toHaveAttribute('data-points', '24')
  // The bars load after the list (next/dynamic): they still arrive, a bar for the paid hour.
  await expect(managerPage.locator('[data-testid=paid-chart] .recharts-bar-rectangle')).toHaveCount(
    1,
  )
  await managerPage.screenshot({ path: 'screenshots/manager-list-today.png' })
  // Nothing paid among them: no chart, and a line saying why.
  await managerPage.goto(`/charges?q=${prefix}&status=failed,closed`)
  await expect(rows).toHaveCount(2)
  await expect(managerPage.getByTestId('paid-chart')).toHaveCount(0)
  await expect(managerPage.getByTestId('no-chart')).toContainText('都没有付款成功')
  await expect(managerPage.getByTestId('charges-empty')).toHaveCount(0)
  // Nothing matches: said once, where the rows would be, with the ways out; the totals card keeps
  // only its ¥0 headline (it used to say "nothing matches" too).
  await managerPage.goto(`/charges?q=${prefix}&range=yesterday`)
  await expect(rows).toHaveCount(0)
  const empty = managerPage.getByTestId('charges-empty')
  await expect(empty).toHaveAttribute('data-kind', 'filtered')
  await expect(empty).toContainText('没有符合筛选条件的收款记录。')
  const said = await managerPage.locator('main').innerText()
  expect(said.split('没有符合').length - 1, 'the empty message, once').toBe(1)
  await expect(managerPage.getByTestId('paid-chart')).toHaveCount(0)
  await expect(managerPage.getByTestId('no-chart')).toHaveCount(0)
  await expect(managerPage.getByTestId('paid-total')).toHaveAttribute('data-fen', '0')
  await expect(managerPage.getByTestId('totals')).not.toContainText('按支付方式')
  // Nothing to export: the exports are there but not offered (they gave a file of headers only),
  // and the page says why.
  for (const hook of ['export-csv', 'export-xlsx']) {
    await expect(managerPage.getByTestId(hook)).toBeDisabled()
    await expect(managerPage.getByTestId(hook)).not.toHaveAttribute('href')
    // Nor does it light up under the pointer as a button that can be pressed.
    const face = () =>
      managerPage.getByTestId(hook).evaluate((el) => getComputedStyle(el).backgroundColor)
    const resting = await face()
    await managerPage.getByTestId(hook).hover({ force: true })
    expect(await face(), `${hook} under the pointer`).toBe(resting)
  }
  await expect(managerPage.getByTestId('export-none')).toHaveText('没有可导出的收款记录')
  // Every date, the search kept: the three charges.
  await empty.getByTestId('charges-empty-all-dates').click()
  await expect(rows).toHaveCount(3)
  const widened = new URL(managerPage.url()).searchParams
  expect([widened.get('range'), widened.get('q')]).toEqual(['all', prefix])
  // A search with no date: clearing the filters is the one way out, to the list's default view.
  await managerPage.goto(`/charges?q=${prefix}-NONE`)
  await expect(empty).toHaveAttribute('data-kind', 'filtered')
  await expect(empty.getByTestId('charges-empty-all-dates')).toHaveCount(0)
  await empty.getByTestId('charges-empty-reset').click()
  // Opened without a filter, the list shows today, with the active filter as a chip.
  await expect(managerPage).toHaveURL(/\/charges$/)
  await expect(managerPage.locator('[data-testid=filter-chip][data-filter=date]')).toHaveText(
    /今天/,
  )
  await expect(managerPage.getByTestId('preset-today')).toHaveAttribute('aria-current', 'true')
  await managerPage.goto(`/charges?q=${prefix}`)

  await managerPage.goto(`/charges?q=${prefix}&status=paid`)
  await expect(rows).toHaveCount(1)
  await managerPage.reload()
  await expect(rows).toHaveCount(1)

  await waitForHydration(managerPage.locator('input[name=name]#view-name'))
  await managerPage.locator('input[name=name]#view-name').fill(`已收 ${prefix}`)
  await managerPage.getByRole('button', { name: '保存当前筛选' }).click()
  const view = managerPage.getByTestId('saved-view').filter({ hasText: prefix })
  await expect(view).toBeVisible()
  await managerPage.goto('/charges')
  await view.click()
  await expect(managerPage).toHaveURL(/status=paid/)
  await expect(rows).toHaveCount(1)
})

test('the detail shows the DMS ids and the timeline of a paid, a failed and a closed charge', async ({
  cashierPage,
  managerPage,
}) => {
  const expected = {
    paid: ['created', 'qr-issued', 'paid'],
    failed: ['created', 'qr-issued', 'failed'],
    closed: ['created', 'qr-issued', 'cancel-requested', 'closed'],
  } as const
  for (const outcome of ['paid', 'failed', 'closed'] as const) {
    const bill = uniqueBill(`DET-${outcome}`)
    const id = await takePayment(cashierPage, bill, '8.80', outcome)
    const [order] = await sandbox.ordersForBill(bill)
    await managerPage.goto(`/charges/${id}`)
    await expect(managerPage.getByTestId('charge-status')).toHaveAttribute('data-status', outcome)
    await expect(managerPage.getByText(order!.orderNo, { exact: true })).toBeVisible()
    await expect(managerPage.getByText(order!.bizOrderNo, { exact: true })).toBeVisible()
    const types = await managerPage
      .getByTestId('timeline-event')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))
    // The whole timeline, in order: an extra or doubled event fails too.
    expect(types).toEqual([...expected[outcome]])
    expect(await expectTimelineEndsAtLastDot(managerPage)).toBe(types.length)
  }
})

/*
 * On a phone: squeezed into the screen, the list's bill column was one character wide (each bill
 * broke after every character), and the detail's heading broke the bill number in two. Then, kept
 * whole, the rows scrolled sideways in their card: at 390 px only the time and the bill showed, the
 * amount and the status out of sight to the right (at 768 px the station and the cashier). Below
 * the desktop each charge is a row of its own, all of it inside the screen.
 */
test('on a phone a charge row shows all it holds, its bill number whole', async ({
  cashierPage,
  managerPage,
}) => {
  const bill = uniqueBill('PHONE')
  const id = await takePayment(cashierPage, bill, '12.00', 'paid')
  const whole = new RegExp(bill)
  for (const [width, height] of [
    [390, 844],
    [768, 1024],
  ] as const) {
    const size = `${width}×${height}`
    await managerPage.setViewportSize({ width, height })
    await managerPage.goto(`/charges?q=${bill}`)
    const rows = managerPage.getByTestId('charge-row')
    await expect(rows).toHaveCount(1)
    const link = rows.getByRole('link', { name: bill })
    expect(await linesOfText(link, whole), size).toBe(1)
    for (const header of await managerPage.locator('thead th').all()) {
      if (await header.isVisible()) {
        expect(await linesOfText(header, /.+/), await header.innerText()).toBe(1)
      }
    }
    const card = managerPage.locator('table').locator('xpath=..')
    const { scroll, client } = await card.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }))
    expect(scroll, `${size}: the card scrolls sideways`).toBeLessThanOrEqual(client)
    // Each thing the row holds, in the order of the desktop's columns, wholly inside the screen.
    const cells = [
      rows.locator('td:nth-child(1)'), // time
      link,
      rows.getByText('¥12.00', { exact: true }),
      rows.getByText('微信支付', { exact: true }),
      rows.getByText('已收款', { exact: true }),
      rows.locator('td:nth-child(6)'), // station
      rows.locator('td:nth-child(7)'), // cashier
    ]
    for (const cell of cells) {
      await expect(cell).toBeVisible()
      const box = (await cell.boundingBox())!
      const what = `${size}: “${(await cell.innerText()).trim()}” at ${Math.round(box.x)}+${Math.round(box.width)}`
      expect(await cell.innerText(), what).not.toBe('')
      expect(box.x, what).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width, what).toBeLessThanOrEqual(width)
    }
    // The bill is still a tap target of its own.
    expect(
      (await link.boundingBox())!.height,
      `${size}: the bill's tap target`,
    ).toBeGreaterThanOrEqual(44)
    await expectFits(managerPage)
    await expectNothingClipped(managerPage)
  }
  // From a desktop's width on it is the table, its columns headed.
  await managerPage.setViewportSize({ width: 1024, height: 768 })
  await expect(managerPage.locator('table:has([data-testid=charge-row]) thead')).toBeVisible()
  expect(
    await managerPage.getByTestId('charge-row').evaluate((el) => getComputedStyle(el).display),
  ).toBe('table-row')
  await managerPage.goto(`/charges/${id}`)
  expect(await linesOfText(managerPage.getByRole('heading', { level: 1 }), whole)).toBe(1)
  await expectFits(managerPage)
})

test('the search box finds a bill by a middle fragment of its number', async ({
  cashierPage,
  managerPage,
}) => {
  const bill = uniqueBill('MID') // MID-<time in base 36>-<n>
  const id = await takePayment(cashierPage, bill, '8.88', 'paid')
  const fragment = bill.slice(4, -2) // the time part: neither its start nor its end
  await managerPage.goto('/charges?range=all')
  const box = managerPage.locator('input[name=q]')
  await box.fill(fragment)
  await box.press('Enter')
  await expect(managerPage).toHaveURL(new RegExp(`q=${fragment}`))
  const rows = managerPage.getByTestId('charge-row')
  await expect(rows).toHaveCount(1)
  await expect(rows).toHaveAttribute('data-charge-id', id)
  await expect(managerPage.getByTestId('totals')).toHaveAttribute('data-count', '1')
})

test('the CSV holds exactly the filtered rows, amounts and ids', async ({
  cashierPage,
  managerPage,
}) => {
  const prefix = uniqueBill('CSV')
  await takePayment(cashierPage, `${prefix}-1`, '1234.56', 'paid')
  const failed = await takePayment(cashierPage, `${prefix}-2`, '0.01', 'failed')
  // The failed one's detail says it in the words the files use.
  await managerPage.goto(`/charges/${failed}`)
  await expect(managerPage.getByTestId('detail-error')).toHaveText('顾客支付失败：银行卡余额不足')
  await managerPage.goto(`/charges?q=${prefix}`)
  await expect(managerPage.getByTestId('charge-row')).toHaveCount(2)
  const [download] = await Promise.all([
    managerPage.waitForEvent('download'),
    managerPage.getByTestId('export-csv').click(),
  ])
  const text = await readFile((await download.path())!, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const lines = text.slice(1).trim().split(/\r?\n/)
  expect(lines).toHaveLength(3)
  const body = lines.slice(1).join('\n')
  for (const bill of [`${prefix}-1`, `${prefix}-2`]) {
    const [order] = await sandbox.ordersForBill(bill)
    expect(body).toContain(bill)
    expect(body).toContain(order!.orderNo)
    expect(body).toContain(order!.bizOrderNo)
  }
  expect(body).toContain('1234.56')
  expect(body).toContain('123456')
  expect(body).toContain('0.01')
  expect(body).not.toMatch(/E\+\d/)
  // Plain cells: nothing hidden before a bill or an id; the failed one says why.
  expect(body).not.toContain('\t')
  expect(lines[0]).toContain('失败原因')
  // As the charge's detail says it: a payment the network failed, not a DMS code (it read [3000]).
  expect(body).toContain('顾客支付失败：银行卡余额不足')
  expect(body).not.toContain('[3000]')

  // The same set as .xlsx, opened with a reader: text ids, 2-decimal numbers, Beijing date cells.
  const [xlsxDownload] = await Promise.all([
    managerPage.waitForEvent('download'),
    managerPage.getByTestId('export-xlsx').click(),
  ])
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile((await xlsxDownload.path())!)
  const sheet = book.worksheets[0]!
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  const col = (name: string) => header.indexOf(name) + 1
  expect(col('单号')).toBeGreaterThan(0)
  const rows = new Map<string, ExcelJS.Row>()
  sheet.eachRow((r, i) => {
    if (i > 1) rows.set(String(r.getCell(col('单号')).value), r)
  })
  expect([...rows.keys()].sort()).toEqual([`${prefix}-1`, `${prefix}-2`])
  let fen = 0
  for (const [bill, r] of rows) {
    const [order] = await sandbox.ordersForBill(bill)
    for (const [name, id] of [
      ['单号', bill],
      ['DMS 业务单号', order!.bizOrderNo],
      ['DMS 订单号', order!.orderNo],
    ] as const) {
      expect(r.getCell(col(name)).type, name).toBe(ExcelJS.ValueType.String)
      expect(r.getCell(col(name)).value, name).toBe(id)
    }
    const amount = r.getCell(col('金额（元）'))
    expect(amount.type).toBe(ExcelJS.ValueType.Number)
    expect(amount.numFmt).toBe('0.00')
    fen += Math.round(Number(amount.value) * 100)
    const created = r.getCell(col('发起时间'))
    expect(created.type).toBe(ExcelJS.ValueType.Date)
    // The cell holds Beijing wall time: within a few minutes of now, read as UTC+8.
    const shown = (created.value as Date).getTime() - 8 * 3_600_000
    expect(Math.abs(Date.now() - shown)).toBeLessThan(10 * 60_000)
  }
  expect(fen).toBe(123456 + 1)
  expect(rows.get(`${prefix}-2`)!.getCell(col('失败原因')).value).toBe(
    '顾客支付失败：银行卡余额不足',
  )
})

test('a cashier is refused every manager page, route and export', async ({ cashierPage }) => {
  for (const path of [
    '/charges',
    '/attention',
    '/admin/users',
    '/admin/stations',
    '/admin/settings',
    '/admin/audit',
  ]) {
    await cashierPage.goto(path)
    await expect(cashierPage.getByTestId('forbidden')).toBeVisible()
  }
  const res = await cashierPage.request.get('/api/charges/export')
  expect(res.status()).toBe(403)
})
