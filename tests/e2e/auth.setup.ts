import { expect, test as setup } from '@playwright/test'
import { assertOurServer } from '../support/run-token'
import { E2E, ROLE_USERS, storageStateFor, type E2ERole } from './support/config'
import { LoginPage } from './support/login-page'
import { useTestCostHashes } from './support/test-cost-hashes'

// Nothing is trusted before the server proves it is this run's (a stale one may hold the port).
setup('the server under test is this run’s', async () => {
  await assertOurServer(E2E.baseUrl, E2E.runToken)
  // Before the first sign-in: the seeded staff's hashes at the test cost (test-cost-hashes.ts).
  useTestCostHashes(`${E2E.dataDir}/cashier.db`, E2E.password)
})

// One sign-in per role, saved and reused by every spec that needs that role.
for (const role of Object.keys(ROLE_USERS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.signIn(ROLE_USERS[role], E2E.password)
    await expect(page.getByTestId('current-user')).toBeVisible()
    await page.context().storageState({ path: storageStateFor(role) })
  })
}
