import type { Page } from '@playwright/test'

/*
 * "Without a reload": a mark on the window, still there later only if no new document was loaded
 * (a client navigation, or Next re-rendering the page in place after a server action, keeps it).
 */

type Marked = { __sameDocument?: boolean }

export const markDocument = (page: Page) =>
  page.evaluate(() => Object.assign(window, { __sameDocument: true }))

export const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as Marked).__sameDocument === true)
