import type { Page } from '@playwright/test'

/*
 * When a screen showed a status, read from the page itself. A latency target ("paid within 1 s")
 * measured with `expect(...).toHaveAttribute(..., { timeout })` is off by up to the assertion's
 * retry gap (100, 250, 500 ms…), so a screen that turned paid at 700 ms could fail a 1 s test.
 * Here a MutationObserver notes the browser's clock (the runner's clock: one machine) at the first
 * moment the hook carries the status; the test waits generously, then judges the noted time.
 */

declare global {
  interface Window {
    __statusSeenAt?: Record<string, number>
  }
}

export interface StatusClock {
  /** Epoch ms at which the status was first on screen; throws if it never came within `waitMs`. */
  seenAt(waitMs?: number): Promise<number>
}

/** Starts watching `[data-testid=<testId>]` for `data-status="<status>"`; call before the cause. */
export async function watchStatus(
  page: Page,
  testId: string,
  status: string,
): Promise<StatusClock> {
  const key = `${testId}=${status}`
  await page.evaluate(
    ({ testId, status, key }) => {
      const seen = (window.__statusSeenAt ??= {})
      delete seen[key]
      const selector = `[data-testid="${testId}"][data-status="${status}"]`
      const check = () => {
        if (seen[key] === undefined && document.querySelector(selector)) {
          seen[key] = Date.now()
          observer.disconnect()
        }
      }
      const observer = new MutationObserver(check)
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-status', 'data-testid'],
      })
      check()
    },
    { testId, status, key },
  )
  return {
    async seenAt(waitMs = 10_000) {
      const handle = await page.waitForFunction((k) => window.__statusSeenAt?.[k], key, {
        timeout: waitMs,
      })
      return (await handle.jsonValue()) as number
    },
  }
}
