import type { Browser } from '@playwright/test'
import { signedInContext } from './browser'
import type { LowerBounds } from './lower-bounds'
import type { Shop } from './push-shop'
import { fmt, verdict } from './stats'
import { sleep } from '@/tests/support/wait'

/*
 * Part 4 of bench/push.ts: what an open charge screen costs while nothing happens on it, in a real
 * Chromium: the requests it makes over `seconds` (its stream's heartbeats are not requests; a stream
 * ended at its lifetime and reopened is one).
 */

/** Opens charge `id` in a fresh signed-in page, counts its requests, prints the rate a minute. */
export async function idleCost(
  browser: Browser,
  shop: Shop,
  id: string,
  seconds: number,
  bounds: LowerBounds,
) {
  const page = await (await signedInContext(browser, shop.baseUrl)).newPage()
  await page.goto(`/charge/${id}`)
  await page.locator('[data-testid=charge-status][data-status=pending]').waitFor()
  await sleep(1_000)
  const paths: string[] = []
  page.on('request', (r) => void paths.push(new URL(r.url()).pathname))
  await sleep(seconds * 1000)
  const status = await page.getByTestId('charge-status').getAttribute('data-status')
  await page.context().close()
  bounds.holds('4. the idle screen stayed on its open charge', status === 'pending', `${status}`)
  const rate = (paths.length * 60) / seconds
  console.log(`4. idle open charge screen in Chromium, ${seconds} s watched`)
  console.log(
    `  ${paths.length} requests = ${fmt(rate, 1)} a minute (target ≤ 3: ${verdict(rate <= 3)})${paths.length ? `: ${[...new Set(paths)].join(', ')}` : ''}`,
  )
}
