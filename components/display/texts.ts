import type { ChargeStatus } from '@/lib/charges/status'
import type { PayWay } from '@/lib/dms/types'

/*
 * The tablet's texts, made on the server from messages/<locale>/display.json and passed as props:
 * the tablet's client code needs no i18n library (its bundle stays small), and a change of shop
 * language reloads the page anyway. Placeholders are `{name}`, filled by `fill`.
 */

type Outcome = { title: string; hint: string }

export interface DisplayTexts {
  welcome: string
  scanWith: Record<PayWay, string>
  /** "单号 {bill}" */
  bill: string
  /** "剩余时间 {time}" */
  countdown: string
  expired: string
  paying: string
  creating: string
  unknown: string
  stopped: string
  reconnecting: string
  paid: Outcome
  failed: Outcome
  closed: Outcome
  /** A charge closed because its QR's time ran out (DisplayCharge.expired). */
  timedOut: Outcome
  refunded: Outcome
  refused: Outcome
  statusText: Record<ChargeStatus, string>
}

export interface PairTexts {
  title: string
  intro: string
  label: string
  placeholder: string
  submit: string
  sending: string
  invalid: string
  limited: string
  hint: string
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
