import type { SandboxControl } from '@/sandbox/control-client'
import type { FaultRuleInput, NotifySettings } from '@/sandbox/types'
import type { TcpGate } from './tcp-gate'

/*
 * What the fault benchmark does to DMS, as data. Create faults go round-robin, one per charge; the
 * healthy slots ('none') leave charges open so that the settle phase has bills to pay, fail, expire,
 * cancel and time out, under query/close faults and notifications that are dropped, doubled or
 * reordered.
 */

export interface FaultContext {
  sandbox: SandboxControl
  gate: TcpGate
  timeoutMs: number
}

export interface CreateFault {
  name: string
  inject(ctx: FaultContext): Promise<void>
  /** Undo what `inject` did that outlives one request (the gate). */
  after?(ctx: FaultContext): Promise<void>
}

const none: CreateFault = { name: 'none', inject: async () => {} }

function payment(name: string, rule: (timeoutMs: number) => FaultRuleInput): CreateFault {
  return {
    name,
    inject: async ({ sandbox, timeoutMs }) =>
      void (await sandbox.addFault({ endpoint: 'payment', times: 1, ...rule(timeoutMs) })),
  }
}

const refused: CreateFault = {
  name: 'refused',
  async inject({ gate }) {
    await gate.refuse()
    // Let the app's connection pool see its sockets close, so the create meets a refusal rather
    // than a reused socket dying under it.
    await new Promise((r) => setTimeout(r, 300))
  },
  after: ({ gate }) => gate.open(),
}

export const CREATE_FAULTS: readonly CreateFault[] = [
  none,
  payment('latency < timeout', (t) => ({ mode: 'latency', latencyMs: t - 700 })),
  payment('html500', () => ({ mode: 'html500' })),
  none,
  payment('http502', () => ({ mode: 'http502' })),
  payment('latency > timeout', (t) => ({ mode: 'latency', latencyMs: t + 700 })),
  none,
  payment('http503 (framework JSON)', () => ({ mode: 'http503' })),
  payment('reset', () => ({ mode: 'reset' })),
  none,
  refused,
  payment('garbage', () => ({ mode: 'garbage' })),
  none,
  payment('truncated', () => ({ mode: 'truncated' })),
  payment('errcode 1004', () => ({ mode: 'errcode', errCode: 1004, errMsg: '请求过于频繁' })),
  none,
  payment('hang-after-record', () => ({ mode: 'hang-after-record' })),
]

/** The closes `queryAndCloseFaults` makes fail, each once: one charge can meet all of them in a row. */
export const CLOSE_FAULT_MODES = ['http502', 'truncated', 'reset'] as const

/**
 * DMS answering a query about another payment than the one asked about (the newest other attempt,
 * often one just paid): lib/dms/transform.ts refuses the answer, and the charge must stay as it is.
 */
export const MIXED_UP_QUERY = 'other-order' satisfies FaultRuleInput['mode']

/** Hit whichever polls, sweeps and closes come next while a batch is being settled. */
export function queryAndCloseFaults(timeoutMs: number): FaultRuleInput[] {
  const q = (rule: FaultRuleInput): FaultRuleInput => ({ endpoint: 'query', times: 2, ...rule })
  return [
    // First: the oldest rule is applied first, and a batch's last rules may be cleared unused.
    q({ mode: MIXED_UP_QUERY }),
    q({ mode: 'html500' }),
    q({ mode: 'http502' }),
    q({ mode: 'http503' }),
    q({ mode: 'garbage' }),
    q({ mode: 'truncated' }),
    q({ mode: 'reset' }),
    q({ mode: 'errcode', errCode: 1004 }),
    q({ mode: 'latency', latencyMs: timeoutMs - 500 }),
    q({ mode: 'hang', times: 1 }),
    ...CLOSE_FAULT_MODES.map((mode): FaultRuleInput => ({ endpoint: 'close', mode, times: 1 })),
  ]
}

export const SETTLE_ACTIONS = ['pay', 'scan+pay', 'fail', 'expire', 'cancel', 'timeout'] as const
export type SettleAction = (typeof SETTLE_ACTIONS)[number]

/** What the app must end up showing after each action (DMS decides races, so it is checked too). */
export const EXPECTED: Record<SettleAction, string> = {
  pay: 'paid',
  'scan+pay': 'paid',
  fail: 'failed',
  expire: 'closed',
  cancel: 'closed',
  timeout: 'closed',
}

/** One notification behaviour per settle batch: it is a sandbox-wide setting. */
export const NOTIFY_MODES: readonly { name: string; settings: Partial<NotifySettings> }[] = [
  { name: 'normal', settings: {} },
  { name: 'dropped', settings: { drop: true } },
  { name: 'duplicated', settings: { duplicate: true } },
  { name: 'reordered+duplicated', settings: { reorder: true, duplicate: true } },
]

/** Moves a sandbox order as a customer or the payment network would. */
export async function settleAtSandbox(
  sandbox: SandboxControl,
  action: SettleAction,
  bizOrderNo: string,
): Promise<void> {
  if (action === 'pay') await sandbox.pay(bizOrderNo)
  if (action === 'scan+pay') {
    await sandbox.scan(bizOrderNo)
    await sandbox.pay(bizOrderNo)
  }
  if (action === 'fail') await sandbox.fail(bizOrderNo, '银行卡余额不足')
  if (action === 'expire') await sandbox.expire(bizOrderNo)
}
