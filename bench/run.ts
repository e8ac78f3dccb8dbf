/*
 * `npm run bench [name…]`: runs benchmarks against a production build and prints their figures as
 * ratios to the targets, on free ports (tests/support/app-server.ts). Build first: `npx next build`
 * (or `npm run build:e2e`). A proof also fails when its scenario fell short of its lower bounds.
 * With no name it runs only the fast ones (charge-latency: the front desk's latencies, its click → QR
 * beside a bare Next floor that only creates the payment, built first, ~1 min); the long ones run
 * by name:
 *   faults         fault injection, SIGKILL and restart; exits 1 on a duplicate create or a lost charge
 *                  (also `npm run faults`)
 *   two-instances  two app processes on one PostgreSQL; exits 1 on a doubled query or sweep
 *                  (also `npm run two-instances`)
 *   load           200/500 screens polling at their pace, saturation vs a bare server, a soak
 *                  (also `npm run load`); exits 1 on errors or too few answers
 *   charges-scale  search and every filter of the manager's list (list + totals + chart) on 1M charges,
 *                  SQLite and PostgreSQL (~15 min; SCALE_ROWS=100000 for a quick run)
 *   export-memory  RSS growth while exporting 100k charges as CSV, in-process and over HTTP
 *   display        cashier QR → tablet QR latency (~3 min)
 *   page-weight    each route's first-load JS over a bare Next page's, with targets; the sandbox
 *                  kept out of the client build (~1 min: builds the bare page first)
 *   html-weight    each staff route's HTML (gzip) beside a bare Next page's, and how much of it
 *                  is the messages handed to client components (~1 min: builds the bare page first)
 *   abuse          spoofed sign-ins, huge bodies, pairing guesses, refused closes, replayed
 *                  notifications (also `npm run abuse`); exits 1 on a failed check
 *   push           1,000 SSE subscribers: fan-out latency and memory, a soak, release, an idle
 *                  screen's requests, two processes on PostgreSQL (~15 min; PUSH_SOAK_SEC=30 quick)
 */
type Benchmark = () => Promise<{ run: () => Promise<void> }>

const BENCHMARKS: Record<string, { load: Benchmark; byDefault: boolean }> = {
  'charge-latency': { load: () => import('./charge-latency'), byDefault: true },
  faults: { load: () => import('./faults'), byDefault: false },
  'two-instances': { load: () => import('./two-instances'), byDefault: false },
  load: { load: () => import('./load'), byDefault: false },
  'charges-scale': { load: () => import('./charges-scale'), byDefault: false },
  'export-memory': { load: () => import('./export-memory'), byDefault: false },
  display: { load: () => import('./display'), byDefault: false },
  'page-weight': { load: () => import('./page-weight'), byDefault: false },
  'html-weight': { load: () => import('./html-weight'), byDefault: false },
  abuse: { load: () => import('./abuse'), byDefault: false },
  push: { load: () => import('./push'), byDefault: false },
}

async function main() {
  const names = process.argv.slice(2)
  const chosen = names.length
    ? names
    : Object.keys(BENCHMARKS).filter((n) => BENCHMARKS[n]!.byDefault)
  for (const name of chosen) {
    const bench = BENCHMARKS[name]
    if (!bench) {
      console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`)
      process.exit(2)
    }
    console.log(`\n=== ${name} ===`)
    await (await bench.load()).run()
  }
  // Keep-alive sockets and timers of the clients must not keep a finished run alive.
  process.exit(process.exitCode ?? 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
