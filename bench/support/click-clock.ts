import type { Page } from '@playwright/test'

/*
 * Click → something visible, timed in the page itself: the clock starts at the click's own event
 * time and stops when a MutationObserver sees the element (Playwright's waiting polls and would add
 * its delay). Both on the page's wall clock (performance.timeOrigin + now), so two pages on this
 * machine compare. The scripts are strings: tsx would wrap named functions in a helper the page
 * does not have. Shared by the app's click → QR and the bare Next floor's (charge-latency.ts).
 */

/** A person's pace between keys (ms): each key waits a random time in this range. */
export const KEY_GAP_MS = [40, 80] as const

/** Arms `window[name]`: resolves with the time the first element matching `selector` was seen. */
export function watchFor(page: Page, name: string, selector: string): Promise<void> {
  return page.evaluate(`(() => {
    const at = () => performance.timeOrigin + performance.now()
    window[${JSON.stringify(name)}] = new Promise((resolve) => {
      if (document.querySelector(${JSON.stringify(selector)})) return resolve(at())
      const watch = new MutationObserver(() => {
        if (!document.querySelector(${JSON.stringify(selector)})) return
        watch.disconnect()
        resolve(at())
      })
      watch.observe(document.body, { subtree: true, childList: true, attributes: true })
    })
  })()`)
}

/** When watchFor's element was seen (waits for it). */
export const seenAt = (page: Page, name: string) =>
  page.evaluate<number>(`window[${JSON.stringify(name)}]`)

/** Types `text` into the field key by key, at a person's pace (KEY_GAP_MS after each key). */
async function typeLikeAPerson(page: Page, selector: string, text: string): Promise<void> {
  const field = page.locator(selector)
  for (const key of text) {
    await field.pressSequentially(key)
    await page.waitForTimeout(KEY_GAP_MS[0] + Math.random() * (KEY_GAP_MS[1] - KEY_GAP_MS[0]))
  }
}

export interface TimedClick {
  /** Field selector → what goes in it. */
  fields: Record<string, string>
  /** `typed` (the default): key by key, as a person types; `at-once`: filled in one go. */
  fill?: 'typed' | 'at-once'
  /** Window name → the selector watchFor waits for. */
  watch: Record<string, string>
  /** The test id of the button clicked; `until` the test id waited for after it. */
  submit: string
  until: string
  /** Armed last before the click (e.g. a watcher in another page). */
  beforeClick?: () => Promise<void>
}

/**
 * Fills the fields on the page as it is, clicks, waits for `until`: the click's time and when each
 * watched element was seen, on the page's wall clock. What was typed is checked to be what is
 * submitted: a dropped key would be a different request.
 */
export async function timeClick(
  page: Page,
  t: TimedClick,
): Promise<{ clickAt: number; seen: Record<string, number> }> {
  for (const [selector, text] of Object.entries(t.fields)) {
    if (t.fill === 'at-once') await page.locator(selector).fill(text)
    else await typeLikeAPerson(page, selector, text)
  }
  for (const [selector, text] of Object.entries(t.fields)) {
    const got = await page.locator(selector).inputValue()
    if (got !== text) throw new Error(`${selector} holds ${got}, not ${text}`)
  }
  await page.evaluate(`(() => {
    window.__click = new Promise((resolve) =>
      document.addEventListener('click', (e) => resolve(performance.timeOrigin + e.timeStamp), { capture: true, once: true }),
    )
  })()`)
  for (const [name, selector] of Object.entries(t.watch)) await watchFor(page, name, selector)
  await t.beforeClick?.()
  await page.getByTestId(t.submit).click()
  await page.getByTestId(t.until).waitFor({ state: 'visible' })
  const clickAt = await seenAt(page, '__click')
  const seen: Record<string, number> = {}
  for (const name of Object.keys(t.watch)) seen[name] = await seenAt(page, name)
  return { clickAt, seen }
}
