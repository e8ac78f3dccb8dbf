import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // server-only throws outside React Server Components; unit tests load server modules directly.
      'server-only': fileURLToPath(new URL('./tests/unit/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
      'scripts/**/*.test.ts',
      'sandbox/**/*.test.ts',
      'tests/support/**/*.test.ts',
      'messages/**/*.test.ts',
    ],
    environment: 'node',
    // A focused test would make a run of one pass for all (ESLint refuses .only as well).
    allowOnly: false,
    // The default report, and a count of the PostgreSQL suites skipped (none may be, on CI).
    reporters: ['default', './tests/unit/database-skip-reporter.ts'],
    testTimeout: 20000,
    // Files run side by side, one per core: each database suite has a schema of its own in the
    // shared PostgreSQL (and its own SQLite file, LISTEN channel and sandbox port), so they cannot
    // meet. Most of a file's time is importing it, which one core at a time made the longest step.
    fileParallelism: true,
    maxWorkers: '100%',
  },
})
