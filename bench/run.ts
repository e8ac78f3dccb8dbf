/*
 * `npm run bench [name…]`: runs the benchmarks (all by default) against a production build and prints
 * their figures as ratios to the targets. Build first: `npx next build`.
 */
const BENCHMARKS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  'charge-latency': () => import('./charge-latency'),
}

async function main() {
  const names = process.argv.slice(2)
  const chosen = names.length ? names : Object.keys(BENCHMARKS)
  for (const name of chosen) {
    const load = BENCHMARKS[name]
    if (!load) {
      console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`)
      process.exit(2)
    }
    console.log(`\n=== ${name} ===`)
    await (await load()).run()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
