import {
  FAULT_ENDPOINTS,
  FAULT_MODES,
  type FaultEndpoint,
  type FaultMode,
  type FaultRule,
  type FaultRuleInput,
} from './types'

/*
 * Fault rules injected through the control surface. A request gets the latency of every matching
 * latency rule (added up) and then at most one other fault: the oldest matching rule. Each applied
 * rule uses up one of its `times`.
 */

export type DmsEndpoint = Exclude<FaultEndpoint, '*'>

export interface FaultPlan {
  latencyMs: number
  fault: FaultRule | null
  /** For the request log: e.g. "latency", "html500", "latency+hang". */
  label?: string
}

const DEFAULT_LATENCY_MS = 300

/**
 * Modes that only mean something for one endpoint: the request goes through and its answer
 * changes (a create's, a query's).
 */
const ONLY_FOR: Partial<Record<FaultMode, DmsEndpoint>> = {
  'hang-after-record': 'payment',
  'pay-fail': 'payment',
  'other-order': 'query',
}

type Checked = { ok: true; rule: FaultRuleInput } | { ok: false; error: string }

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function optionalInt(v: unknown, name: string, min: number): string | null {
  if (v === undefined) return null
  return Number.isInteger(v) && (v as number) >= min ? null : `${name} must be an integer ≥ ${min}`
}

/** Validates a rule posted to /__control/faults. */
export function checkFaultRule(input: unknown): Checked {
  if (!isObject(input)) return { ok: false, error: 'body must be a JSON object' }
  const mode = FAULT_MODES.find((m) => m === input.mode)
  if (!mode) return { ok: false, error: `mode must be one of ${FAULT_MODES.join(', ')}` }
  const endpoint =
    input.endpoint === undefined ? undefined : FAULT_ENDPOINTS.find((e) => e === input.endpoint)
  if (input.endpoint !== undefined && !endpoint) {
    return { ok: false, error: `endpoint must be one of ${FAULT_ENDPOINTS.join(', ')}` }
  }
  const only = ONLY_FOR[mode]
  if (only && endpoint !== undefined && endpoint !== only) {
    return { ok: false, error: `${mode} only applies to the ${only} endpoint` }
  }
  const problem =
    optionalInt(input.latencyMs, 'latencyMs', 0) ??
    optionalInt(input.errCode, 'errCode', 0) ??
    optionalInt(input.times, 'times', 1)
  if (problem) return { ok: false, error: problem }
  if (input.errMsg !== undefined && typeof input.errMsg !== 'string') {
    return { ok: false, error: 'errMsg must be a string' }
  }
  return { ok: true, rule: input as unknown as FaultRuleInput }
}

export class FaultBook {
  private rules: FaultRule[] = []
  private nextId = 1

  add(input: FaultRuleInput): FaultRule {
    const mode: FaultMode = input.mode
    const rule: FaultRule = {
      id: this.nextId++,
      endpoint: input.endpoint ?? ONLY_FOR[mode] ?? '*',
      mode,
      latencyMs: input.latencyMs ?? (mode === 'latency' ? DEFAULT_LATENCY_MS : 0),
      errCode: input.errCode ?? null,
      errMsg: input.errMsg ?? null,
      remaining: input.times ?? null,
    }
    this.rules.push(rule)
    return rule
  }

  /** The /__control/latency shorthand: one unlimited latency rule for every endpoint, replaced each time. */
  setGlobalLatency(ms: number): void {
    this.rules = this.rules.filter(
      (r) => !(r.mode === 'latency' && r.endpoint === '*' && r.remaining === null),
    )
    if (ms > 0) this.add({ endpoint: '*', mode: 'latency', latencyMs: ms })
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }))
  }

  clear(): void {
    this.rules = []
  }

  /** Decides (and uses up) what happens to one request to `endpoint`. */
  take(endpoint: DmsEndpoint): FaultPlan {
    const matching = this.rules.filter((r) => r.endpoint === '*' || r.endpoint === endpoint)
    const latencies = matching.filter((r) => r.mode === 'latency')
    const fault =
      matching.find((r) => r.mode !== 'latency' && (ONLY_FOR[r.mode] ?? endpoint) === endpoint) ??
      null
    const used = fault ? [...latencies, fault] : latencies
    for (const r of used) if (r.remaining !== null) r.remaining -= 1
    this.rules = this.rules.filter((r) => r.remaining === null || r.remaining > 0)
    const latencyMs = latencies.reduce((sum, r) => sum + r.latencyMs, 0) + (fault?.latencyMs ?? 0)
    const labels = [latencies.length > 0 ? 'latency' : null, fault?.mode ?? null].filter(Boolean)
    return {
      latencyMs,
      fault: fault ? { ...fault } : null,
      label: labels.length > 0 ? labels.join('+') : undefined,
    }
  }
}
