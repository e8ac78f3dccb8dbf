import { test as base, type Page } from '@playwright/test'
import { storageStateFor, type E2ERole } from './config'

type RoleFixtures = { cashierPage: Page; managerPage: Page; adminPage: Page }

async function pageAs(browser: import('@playwright/test').Browser, role: E2ERole) {
  const context = await browser.newContext({ storageState: storageStateFor(role) })
  return { context, page: await context.newPage() }
}

/** Pages already signed in as each role, from the sessions saved by auth.setup.ts. */
export const test = base.extend<RoleFixtures>({
  cashierPage: async ({ browser }, provide) => {
    const { context, page } = await pageAs(browser, 'cashier')
    await provide(page)
    await context.close()
  },
  managerPage: async ({ browser }, provide) => {
    const { context, page } = await pageAs(browser, 'manager')
    await provide(page)
    await context.close()
  },
  adminPage: async ({ browser }, provide) => {
    const { context, page } = await pageAs(browser, 'admin')
    await provide(page)
    await context.close()
  },
})

export { expect } from '@playwright/test'
