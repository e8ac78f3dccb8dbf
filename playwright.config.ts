import { defineConfig, devices } from '@playwright/test'
import { E2E } from './tests/e2e/support/config'
import { CHROMIUM } from './tests/support/chromium'
import { E2E_SECRET_ENV } from './tests/e2e/support/secrets'

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: `./test-results/e2e-${E2E.port}`,
  fullyParallel: false,
  workers: 1,
  // A flaky test (a money path above all) is a bug to fix, not to retry until green: off CI, none.
  // On CI one retry, because a red CI throws away everything the run was checking for one
  // intermittent failure; a test that needed it is reported "flaky" and named in the summary that
  // closes the CI log (scripts/e2e-shards.sh), so it is seen and fixed, not hidden. A test failing
  // twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  // Never a run of one focused test passing for the whole suite, on CI or not (ESLint also refuses it).
  forbidOnly: true,
  globalTeardown: './tests/e2e/global-teardown.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: E2E.baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A failed test keeps its trace: every action with the DOM as it was, network and console. Not
    // the screencast: encoding a frame of every page at each paint was a fifth of the browser's CPU
    // on a 2-core machine the two shards already saturate.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM,
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
      dependencies: ['setup'],
    },
  ],
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${E2E.baseUrl}/api/health`,
    // Never: whatever already answers on the port is not this run's server (auth.setup.ts also
    // checks the run token before any test trusts it).
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E.port),
      SANDBOX_PORT: String(E2E.sandboxPort),
      RUN_DATA_DIR: E2E.dataDir,
      RUN_TOKEN: E2E.runToken,
      ...E2E_SECRET_ENV,
      DMS_TIMEOUT_MS: '3000',
      DMS_QUERY_INTERVAL_MS: '1000',
      SWEEP_INTERVAL_MS: '1000',
      NODE_ENV: 'production',
      DMS_SANDBOX: '1',
      // As if behind a reverse proxy on this machine: the specs give themselves addresses with
      // X-Forwarded-For; a client reaching the server any other way (e.g. [::1]) cannot.
      TRUSTED_PROXIES: '127.0.0.1',
    },
  },
})
