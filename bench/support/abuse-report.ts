/*
 * The abuse benchmark's way of saying what happened: figures; checks that must pass (what happened
 * and what must hold, exit 1 otherwise); and speed targets, printed as ratios and never failed on,
 * like every speed target of the project (a shared machine's timing is not a verdict).
 */

export interface Check {
  what: string
  ok: boolean
}

export interface ScenarioResult {
  name: string
  figures: string[]
  checks: Check[]
  targets?: string[]
}

export const check = (what: string, ok: boolean): Check => ({ what, ok })

export function printScenario(r: ScenarioResult): void {
  console.log(`\n— ${r.name}`)
  for (const f of r.figures) console.log(`  ${f}`)
  for (const c of r.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.what}`)
  for (const t of r.targets ?? []) console.log(`  target ${t}`)
}

/** Counts of each value, e.g. { invalid: 20, blocked: 980 }. */
export function tally(values: readonly (string | number)[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1
  return out
}
