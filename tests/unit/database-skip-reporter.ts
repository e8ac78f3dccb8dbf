import { appendFileSync } from 'node:fs'
import type { Reporter, TestModule } from 'vitest/node'

/*
 * Counts the PostgreSQL half of the data-layer suites (describeDialects in tests/support/db/targets.ts
 * names each block "… [postgres]"): how many ran and how many were skipped because no PostgreSQL was
 * reachable (allowed off CI only). Says so loudly at the end of the unit run, and, when
 * DB_SKIP_REPORT names a file, appends "<skipped> <total>" to it for scripts/test-all.sh to repeat
 * as the last line of `npm test`.
 */
export default class DatabaseSkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let ran = 0
    let skipped = 0
    for (const testModule of modules) {
      for (const suite of testModule.children.allSuites()) {
        // "… ['postgres']" when it ran (describe.each quotes the value), "… [postgres]" when skipped.
        if (!/\['?postgres'?\]$/.test(suite.name)) continue
        if (suite.state() === 'skipped') skipped += 1
        else ran += 1
      }
    }
    const file = process.env.DB_SKIP_REPORT
    if (file) appendFileSync(file, `${skipped} ${ran + skipped}\n`)
    if (skipped > 0) {
      console.warn(
        `\n!!!!!!!! PostgreSQL half SKIPPED: ${skipped} of ${ran + skipped} database suites ran on SQLite only (no PostgreSQL at TEST_DATABASE_URL) !!!!!!!!\n`,
      )
    } else if (ran > 0) {
      console.log(`database suites on PostgreSQL: ${ran} ran, 0 skipped`)
    }
  }
}
