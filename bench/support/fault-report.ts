import { writeFileSync } from 'node:fs'
import type { ChargeView } from '@/lib/charges/view'
import type { NotificationLogEntry, RequestLogEntry, SandboxOrder } from '@/sandbox/types'
import { table, type Audit } from './fault-audit'
import { EXPECTED, type SettleAction } from './fault-plan'
import { fmt, median } from './stats'

/** One charge the benchmark tried to take, and what was done to it. */
export interface Tracked {
  bill: string
  fault: string
  id: string | null
  /** Click → the charge screen (or the form's error), as the cashier waited. */
  waitMs: number
  action?: SettleAction
  notify?: string
  note?: string
}

export interface FaultReport {
  tracked: Tracked[]
  views: ChargeView[]
  orders: SandboxOrder[]
  log: RequestLogEntry[]
  notifications: NotificationLogEntry[]
  kill: { creates: number; open: number; arrived: boolean; restartMs: number }
  result: Audit
  pollErrors: number
  elapsedMs: number
  submitted: number
}

const count = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, number>()
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1)
  return m
}
const list = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ×${n}`).join(', ')

const STATUSES = ['paid', 'failed', 'closed', 'refunded'] as const

export function printFaultReport(r: FaultReport): void {
  const viewOf = new Map(r.views.map((v) => [v.bzOrder, v]))
  const orderOf = new Map(r.orders.map((o) => [o.bizOrderNo, o]))
  const bad = new Set([...r.result.lost, ...r.result.unsettled].map((l) => l.split(':')[0]))
  const createFaults = r.tracked.filter(
    (t) => t.fault !== 'none' && t.fault !== 'SIGKILL in flight',
  )
  const applied = r.log.filter((e) => e.fault && e.path !== '/dms/cash-out/payment')
  const dropped = r.notifications.filter((n) => n.outcome === 'dropped').length
  const settled = r.tracked.filter((t) => t.action)
  const injected =
    createFaults.length +
    applied.length +
    dropped +
    settled.filter((t) => t.notify && t.notify !== 'normal' && t.notify !== 'dropped').length +
    1

  console.log(`faults injected: ${injected} (run took ${fmt(r.elapsedMs / 1000, 0)} s)`)
  console.log(`  on creates, one per charge: ${list(count(createFaults, (t) => t.fault))}`)
  console.log(
    `  on queries/closes (polls and sweeps that hit them): ${list(count(applied, (e) => `${e.path.split('/').pop()} ${e.fault}`))}`,
  )
  console.log(
    `  notifications: ${dropped} dropped; ${list(count(settled, (t) => `settled under "${t.notify}"`))}`,
  )
  console.log(
    `  app SIGKILLed with ${r.kill.creates} creates waiting on DMS (${r.kill.arrived ? 'all' : 'NOT all'} had reached it) and ${r.kill.open} charges open; restarted on its data in ${fmt(r.kill.restartMs / 1000, 1)} s`,
  )
  console.log(
    `charges created: ${r.views.length} of ${r.submitted} submitted (${r.submitted - r.views.length} refused by the form); DMS attempts: ${r.orders.length}; poll errors while the app was down: ${r.pollErrors}`,
  )
  console.log(`duplicate creates: ${r.result.duplicates.length} (must be 0)`)
  for (const d of r.result.duplicates) console.log(`  ${d}`)
  console.log(`charges lost: ${r.result.lost.length} (must be 0)`)
  for (const l of r.result.lost) console.log(`  ${l}`)
  console.log(`charges not reconciled in time: ${r.result.unsettled.length} (must be 0)`)
  for (const u of r.result.unsettled) console.log(`  ${u}`)

  const byFault = [...count(r.tracked, (t) => t.fault).keys()].map((fault) => {
    const ts = r.tracked.filter((t) => t.fault === fault)
    const vs = ts.map((t) => viewOf.get(t.bill))
    const waits = ts.map((t) => t.waitMs).filter((w) => !Number.isNaN(w))
    return [
      fault,
      ts.length,
      waits.length ? fmt(median(waits), 0) : '-',
      ...STATUSES.map((s) => vs.filter((v) => v?.status === s).length),
      vs.filter((v) => !v).length,
      ts.filter((t) => !bad.has(t.bill)).length,
    ]
  })
  console.log(
    'final state by create fault (app status; "agree" = same as DMS, or no attempt at DMS)',
  )
  console.log(table(['create fault', 'n', 'wait ms', ...STATUSES, 'no charge', 'agree'], byFault))

  const bySettle = [...count(settled, (t) => `${t.action} / ${t.notify}`)].map(([key]) => {
    const ts = settled.filter((t) => `${t.action} / ${t.notify}` === key)
    const got = ts.map((t) => viewOf.get(t.bill)?.status ?? '?')
    const dmsSays = ts.map((t) => {
      const no = viewOf.get(t.bill)?.bizOrderNo
      return no ? String(orderOf.get(no)?.orderStatus ?? '?') : '?'
    })
    return [key, ts.length, EXPECTED[ts[0]!.action!], got.join(','), dmsSays.join(',')]
  })
  console.log('settled at DMS / by the cashier (action / notifications)')
  console.log(table(['action / notify', 'n', 'expected', 'app', 'DMS orderStatus'], bySettle))
  const notes = r.tracked.filter((t) => t.note)
  for (const t of notes) console.log(`  note ${t.bill} (${t.fault}): ${t.note}`)
}

/** Keeps the app's output, and says how many of its lines report an error (each is worth a look). */
export function summarizeAppLog(text: string, file: string): void {
  writeFileSync(file, text)
  const errors = text.split('\n').filter((l) => /error|unhandled|exception/i.test(l))
  console.log(`app log: ${errors.length} line(s) mention an error (${file})`)
  for (const line of [...new Set(errors)].slice(0, 8)) console.log(`  ${line.slice(0, 160)}`)
}
