import { test as base, type Browser, type Page } from '@playwright/test'
import { sandboxControl, type SandboxControl } from '@/sandbox/control-client'
import { startAppServer, type RunningServer } from '../../support/app-server'
import { beijingTime, beijingToday, setClock } from '../../support/clock'
import { E2E, type E2ERole } from './config'
import { LoginPage } from './login-page'
import { E2E_SECRET_ENV } from './secrets'
import { useTestCostHashes } from './test-cost-hashes'

/*
 * A server of the specs' own, beside the suite's shared one, for what the shared one cannot show:
 * its sweep is out of the way (every 10 minutes), so only what a test does moves a charge, and its
 * wall clock is the test's to set (tests/support/clock.ts), so "today" is whatever day a test says.
 * One per worker: started by the first test that asks for it, shared by the specs that follow.
 */

export interface QuietServer {
  server: RunningServer
  sandbox: SandboxControl
  /** Moves the server's (and its sandbox's) wall clock; resolves once every process has moved. */
  setClock(at: number): Promise<void>
  /** A page on this server, signed in through the login form. */
  pageAs(browser: Browser, role: E2ERole): Promise<Page>
}

const SWEEP_OUT_OF_THE_WAY_MS = '600000'

export const test = base.extend<object, { quiet: QuietServer }>({
  quiet: [
    async ({}, provide) => {
      const server = await startAppServer({
        name: 'e2e-quiet',
        // Starts at noon (Beijing) of today; tests move it as they need.
        clockAt: beijingTime(beijingToday(), '12:00:00'),
        env: {
          ...E2E_SECRET_ENV,
          DMS_TIMEOUT_MS: '3000',
          DMS_QUERY_INTERVAL_MS: '1000',
          SWEEP_INTERVAL_MS: SWEEP_OUT_OF_THE_WAY_MS,
        },
      })
      useTestCostHashes(`${server.dataDir}/cashier.db`, E2E.password)
      const sandbox = sandboxControl(server.sandboxUrl)
      await sandbox.settings({ payerDailyLimit: 100_000 })
      await provide({
        server,
        sandbox,
        setClock: (at) => setClock(server.clockFile!, at),
        async pageAs(browser, role) {
          const context = await browser.newContext({ baseURL: server.baseUrl })
          const page = await context.newPage()
          const login = new LoginPage(page)
          await login.goto()
          await login.signIn(role, E2E.password)
          await page.getByTestId('current-user').waitFor()
          return page
        },
      })
      await server.stop({ removeData: true })
    },
    { scope: 'worker', timeout: 90_000 },
  ],
})

export { expect } from '@playwright/test'
