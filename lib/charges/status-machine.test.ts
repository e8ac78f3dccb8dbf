import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  CHARGE_STATUSES,
  isChargeStatus,
  isOpen,
  isTerminal,
  OPEN_STATUSES,
  TERMINAL_STATUSES,
  type ChargeStatus,
} from './status'
import {
  CHARGE_EVENT_TYPES,
  nextState,
  type ChargeInput,
  type ChargeSnapshot,
  type DmsOrderStatus,
} from './status-machine'

// Listed here rather than imported, so that a status added to DMS's union fails this test until the
// machine and the table below say what it does.
const DMS_STATUSES = ['unpaid', 'paying', 'paid', 'failed', 'refunded', 'closed'] as const
type Exhaustive<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const dmsStatusesComplete: Exhaustive<(typeof DMS_STATUSES)[number], DmsOrderStatus> = true

const INPUTS = {
  accepted: { kind: 'create-accepted' },
  declined: { kind: 'create-declined', code: 1001, message: '参数错误' },
  // 2003 (already paid) and the setup codes: no payment was attempted (refusal.ts).
  refused: { kind: 'create-declined', code: 2007, message: '付款人今日付款次数已达上限' },
  unanswered: { kind: 'create-unanswered' },
  'not-sent': { kind: 'create-not-sent', message: 'connect ECONNREFUSED' },
  'dms:unpaid': { kind: 'dms-status', status: 'unpaid' },
  'dms:paying': { kind: 'dms-status', status: 'paying' },
  'dms:paid': { kind: 'dms-status', status: 'paid' },
  'dms:failed': { kind: 'dms-status', status: 'failed', message: '用户取消支付' },
  'dms:refunded': { kind: 'dms-status', status: 'refunded' },
  'dms:closed': { kind: 'dms-status', status: 'closed' },
  'not-found': { kind: 'not-found-at-dms' },
  cancel: { kind: 'cancel-requested' },
  'close-confirmed': { kind: 'close-confirmed' },
} as const satisfies Record<string, ChargeInput>
type InputName = keyof typeof INPUTS

/*
 * Every status × cancel requested (-/C) × input, written out: from, flags, input, then the expected
 * status, flags and event (· = nothing changes). Flags: C = cancelRequested, P = paidAfterCancel.
 * A paid or refunded charge with a cancel request was necessarily paid after it, so it starts with P.
 */
const TABLE = `
creating  -   accepted         pending   -   qr-issued
creating  -   declined         failed    -   create-declined
creating  -   refused          refused   -   create-declined
creating  -   unanswered       unknown   -   create-unanswered
creating  -   not-sent         failed    -   create-not-sent
creating  -   dms:unpaid       pending   -   qr-issued
creating  -   dms:paying       paying    -   scanned
creating  -   dms:paid         paid      -   paid
creating  -   dms:failed       failed    -   failed
creating  -   dms:refunded     refunded  -   refunded
creating  -   dms:closed       closed    -   closed
creating  -   not-found        creating  -   ·
creating  -   cancel           creating  -   ·
creating  -   close-confirmed  closed    -   closed

creating  C   accepted         pending   C   qr-issued
creating  C   declined         failed    C   create-declined
creating  C   refused          refused   C   create-declined
creating  C   unanswered       unknown   C   create-unanswered
creating  C   not-sent         failed    C   create-not-sent
creating  C   dms:unpaid       pending   C   qr-issued
creating  C   dms:paying       paying    C   scanned
creating  C   dms:paid         paid      CP  paid-after-cancel
creating  C   dms:failed       failed    C   failed
creating  C   dms:refunded     refunded  CP  refunded
creating  C   dms:closed       closed    C   closed
creating  C   not-found        creating  C   ·
creating  C   cancel           creating  C   ·
creating  C   close-confirmed  closed    C   closed

pending   -   accepted         pending   -   ·
pending   -   declined         pending   -   ·
pending   -   refused          pending   -   ·
pending   -   unanswered       pending   -   ·
pending   -   not-sent         pending   -   ·
pending   -   dms:unpaid       pending   -   ·
pending   -   dms:paying       paying    -   scanned
pending   -   dms:paid         paid      -   paid
pending   -   dms:failed       failed    -   failed
pending   -   dms:refunded     refunded  -   refunded
pending   -   dms:closed       closed    -   closed
pending   -   not-found        pending   -   ·
pending   -   cancel           pending   C   cancel-requested
pending   -   close-confirmed  closed    -   closed

pending   C   accepted         pending   C   ·
pending   C   declined         pending   C   ·
pending   C   refused          pending   C   ·
pending   C   unanswered       pending   C   ·
pending   C   not-sent         pending   C   ·
pending   C   dms:unpaid       pending   C   ·
pending   C   dms:paying       paying    C   scanned
pending   C   dms:paid         paid      CP  paid-after-cancel
pending   C   dms:failed       failed    C   failed
pending   C   dms:refunded     refunded  CP  refunded
pending   C   dms:closed       closed    C   closed
pending   C   not-found        pending   C   ·
pending   C   cancel           pending   C   ·
pending   C   close-confirmed  closed    C   closed

paying    -   accepted         paying    -   ·
paying    -   declined         paying    -   ·
paying    -   refused          paying    -   ·
paying    -   unanswered       paying    -   ·
paying    -   not-sent         paying    -   ·
paying    -   dms:unpaid       pending   -   back-to-waiting
paying    -   dms:paying       paying    -   ·
paying    -   dms:paid         paid      -   paid
paying    -   dms:failed       failed    -   failed
paying    -   dms:refunded     refunded  -   refunded
paying    -   dms:closed       closed    -   closed
paying    -   not-found        paying    -   ·
paying    -   cancel           paying    C   cancel-requested
paying    -   close-confirmed  closed    -   closed

paying    C   accepted         paying    C   ·
paying    C   declined         paying    C   ·
paying    C   refused          paying    C   ·
paying    C   unanswered       paying    C   ·
paying    C   not-sent         paying    C   ·
paying    C   dms:unpaid       pending   C   back-to-waiting
paying    C   dms:paying       paying    C   ·
paying    C   dms:paid         paid      CP  paid-after-cancel
paying    C   dms:failed       failed    C   failed
paying    C   dms:refunded     refunded  CP  refunded
paying    C   dms:closed       closed    C   closed
paying    C   not-found        paying    C   ·
paying    C   cancel           paying    C   ·
paying    C   close-confirmed  closed    C   closed

unknown   -   accepted         unknown   -   ·
unknown   -   declined         unknown   -   ·
unknown   -   refused          unknown   -   ·
unknown   -   unanswered       unknown   -   ·
unknown   -   not-sent         unknown   -   ·
unknown   -   dms:unpaid       pending   -   qr-issued
unknown   -   dms:paying       paying    -   scanned
unknown   -   dms:paid         paid      -   paid
unknown   -   dms:failed       failed    -   failed
unknown   -   dms:refunded     refunded  -   refunded
unknown   -   dms:closed       closed    -   closed
unknown   -   not-found        failed    -   not-created
unknown   -   cancel           unknown   C   cancel-requested
unknown   -   close-confirmed  closed    -   closed

unknown   C   accepted         unknown   C   ·
unknown   C   declined         unknown   C   ·
unknown   C   refused          unknown   C   ·
unknown   C   unanswered       unknown   C   ·
unknown   C   not-sent         unknown   C   ·
unknown   C   dms:unpaid       pending   C   qr-issued
unknown   C   dms:paying       paying    C   scanned
unknown   C   dms:paid         paid      CP  paid-after-cancel
unknown   C   dms:failed       failed    C   failed
unknown   C   dms:refunded     refunded  CP  refunded
unknown   C   dms:closed       closed    C   closed
unknown   C   not-found        failed    C   not-created
unknown   C   cancel           unknown   C   ·
unknown   C   close-confirmed  closed    C   closed

paid      -   accepted         paid      -   ·
paid      -   declined         paid      -   ·
paid      -   refused          paid      -   ·
paid      -   unanswered       paid      -   ·
paid      -   not-sent         paid      -   ·
paid      -   dms:unpaid       paid      -   ·
paid      -   dms:paying       paid      -   ·
paid      -   dms:paid         paid      -   ·
paid      -   dms:failed       paid      -   ·
paid      -   dms:refunded     refunded  -   refunded
paid      -   dms:closed       paid      -   ·
paid      -   not-found        paid      -   ·
paid      -   cancel           paid      -   ·
paid      -   close-confirmed  paid      -   ·

paid      CP  accepted         paid      CP  ·
paid      CP  declined         paid      CP  ·
paid      CP  refused          paid      CP  ·
paid      CP  unanswered       paid      CP  ·
paid      CP  not-sent         paid      CP  ·
paid      CP  dms:unpaid       paid      CP  ·
paid      CP  dms:paying       paid      CP  ·
paid      CP  dms:paid         paid      CP  ·
paid      CP  dms:failed       paid      CP  ·
paid      CP  dms:refunded     refunded  CP  refunded
paid      CP  dms:closed       paid      CP  ·
paid      CP  not-found        paid      CP  ·
paid      CP  cancel           paid      CP  ·
paid      CP  close-confirmed  paid      CP  ·

failed    -   accepted         failed    -   ·
failed    -   declined         failed    -   ·
failed    -   refused          failed    -   ·
failed    -   unanswered       failed    -   ·
failed    -   not-sent         failed    -   ·
failed    -   dms:unpaid       failed    -   ·
failed    -   dms:paying       failed    -   ·
failed    -   dms:paid         paid      -   paid-after-failure
failed    -   dms:failed       failed    -   ·
failed    -   dms:refunded     refunded  -   refunded
failed    -   dms:closed       failed    -   ·
failed    -   not-found        failed    -   ·
failed    -   cancel           failed    -   ·
failed    -   close-confirmed  failed    -   ·

failed    C   accepted         failed    C   ·
failed    C   declined         failed    C   ·
failed    C   refused          failed    C   ·
failed    C   unanswered       failed    C   ·
failed    C   not-sent         failed    C   ·
failed    C   dms:unpaid       failed    C   ·
failed    C   dms:paying       failed    C   ·
failed    C   dms:paid         paid      CP  paid-after-cancel
failed    C   dms:failed       failed    C   ·
failed    C   dms:refunded     refunded  CP  refunded
failed    C   dms:closed       failed    C   ·
failed    C   not-found        failed    C   ·
failed    C   cancel           failed    C   ·
failed    C   close-confirmed  failed    C   ·

closed    -   accepted         closed    -   ·
closed    -   declined         closed    -   ·
closed    -   refused          closed    -   ·
closed    -   unanswered       closed    -   ·
closed    -   not-sent         closed    -   ·
closed    -   dms:unpaid       closed    -   ·
closed    -   dms:paying       closed    -   ·
closed    -   dms:paid         paid      -   paid-after-failure
closed    -   dms:failed       closed    -   ·
closed    -   dms:refunded     refunded  -   refunded
closed    -   dms:closed       closed    -   ·
closed    -   not-found        closed    -   ·
closed    -   cancel           closed    -   ·
closed    -   close-confirmed  closed    -   ·

closed    C   accepted         closed    C   ·
closed    C   declined         closed    C   ·
closed    C   refused          closed    C   ·
closed    C   unanswered       closed    C   ·
closed    C   not-sent         closed    C   ·
closed    C   dms:unpaid       closed    C   ·
closed    C   dms:paying       closed    C   ·
closed    C   dms:paid         paid      CP  paid-after-cancel
closed    C   dms:failed       closed    C   ·
closed    C   dms:refunded     refunded  CP  refunded
closed    C   dms:closed       closed    C   ·
closed    C   not-found        closed    C   ·
closed    C   cancel           closed    C   ·
closed    C   close-confirmed  closed    C   ·

refunded  -   accepted         refunded  -   ·
refunded  -   declined         refunded  -   ·
refunded  -   refused          refunded  -   ·
refunded  -   unanswered       refunded  -   ·
refunded  -   not-sent         refunded  -   ·
refunded  -   dms:unpaid       refunded  -   ·
refunded  -   dms:paying       refunded  -   ·
refunded  -   dms:paid         refunded  -   ·
refunded  -   dms:failed       refunded  -   ·
refunded  -   dms:refunded     refunded  -   ·
refunded  -   dms:closed       refunded  -   ·
refunded  -   not-found        refunded  -   ·
refunded  -   cancel           refunded  -   ·
refunded  -   close-confirmed  refunded  -   ·

refunded  CP  accepted         refunded  CP  ·
refunded  CP  declined         refunded  CP  ·
refunded  CP  refused          refunded  CP  ·
refunded  CP  unanswered       refunded  CP  ·
refunded  CP  not-sent         refunded  CP  ·
refunded  CP  dms:unpaid       refunded  CP  ·
refunded  CP  dms:paying       refunded  CP  ·
refunded  CP  dms:paid         refunded  CP  ·
refunded  CP  dms:failed       refunded  CP  ·
refunded  CP  dms:refunded     refunded  CP  ·
refunded  CP  dms:closed       refunded  CP  ·
refunded  CP  not-found        refunded  CP  ·
refunded  CP  cancel           refunded  CP  ·
refunded  CP  close-confirmed  refunded  CP  ·

refused   -   accepted         refused   -   ·
refused   -   declined         refused   -   ·
refused   -   refused          refused   -   ·
refused   -   unanswered       refused   -   ·
refused   -   not-sent         refused   -   ·
refused   -   dms:unpaid       refused   -   ·
refused   -   dms:paying       refused   -   ·
refused   -   dms:paid         paid      -   paid-after-failure
refused   -   dms:failed       refused   -   ·
refused   -   dms:refunded     refunded  -   refunded
refused   -   dms:closed       refused   -   ·
refused   -   not-found        refused   -   ·
refused   -   cancel           refused   -   ·
refused   -   close-confirmed  refused   -   ·

refused   C   accepted         refused   C   ·
refused   C   declined         refused   C   ·
refused   C   refused          refused   C   ·
refused   C   unanswered       refused   C   ·
refused   C   not-sent         refused   C   ·
refused   C   dms:unpaid       refused   C   ·
refused   C   dms:paying       refused   C   ·
refused   C   dms:paid         paid      CP  paid-after-cancel
refused   C   dms:failed       refused   C   ·
refused   C   dms:refunded     refunded  CP  refunded
refused   C   dms:closed       refused   C   ·
refused   C   not-found        refused   C   ·
refused   C   cancel           refused   C   ·
refused   C   close-confirmed  refused   C   ·
`

type Row = {
  from: ChargeSnapshot
  input: InputName
  to: ChargeSnapshot
  event: string | null
}

function flags(text: string): { cancelRequested: boolean; paidAfterCancel: boolean } {
  if (!['-', 'C', 'CP'].includes(text)) throw new Error(`bad flags ${text}`)
  return { cancelRequested: text.includes('C'), paidAfterCancel: text.includes('P') }
}

function status(text: string): ChargeStatus {
  if (!isChargeStatus(text)) throw new Error(`bad status ${text}`)
  return text
}

const ROWS: Row[] = TABLE.trim()
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [from, fromFlags, input, to, toFlags, event, ...rest] = line.trim().split(/\s+/)
    if (!from || !fromFlags || !input || !to || !toFlags || !event || rest.length > 0) {
      throw new Error(`bad row: ${line}`)
    }
    if (!(input in INPUTS)) throw new Error(`bad input ${input}`)
    return {
      from: { status: status(from), ...flags(fromFlags) },
      input: input as InputName,
      to: { status: status(to), ...flags(toFlags) },
      event: event === '·' ? null : event,
    }
  })

const label = (s: ChargeSnapshot) =>
  `${s.status}${s.cancelRequested ? '+cancel' : ''}${s.paidAfterCancel ? '+pac' : ''}`

describe('nextState: the exhaustive table', () => {
  it('covers every status × cancel requested × input exactly once', () => {
    expect(dmsStatusesComplete).toBe(true)
    const seen = new Set(ROWS.map((r) => `${r.from.status}/${r.from.cancelRequested}/${r.input}`))
    expect(seen.size).toBe(ROWS.length)
    expect(ROWS).toHaveLength(CHARGE_STATUSES.length * 2 * Object.keys(INPUTS).length)
    for (const dms of DMS_STATUSES) expect(Object.keys(INPUTS)).toContain(`dms:${dms}`)
  })

  it.each(ROWS.map((r) => [label(r.from), r.input, label(r.to), r.event ?? '·', r] as const))(
    '%s + %s → %s (%s)',
    (_from, _input, _to, _event, row) => {
      const input = INPUTS[row.input]
      const t = nextState(row.from, input)
      expect({
        status: t.status,
        cancelRequested: t.cancelRequested,
        paidAfterCancel: t.paidAfterCancel,
      }).toEqual(row.to)
      expect(t.changed).toBe(row.event !== null)
      if (row.event === null) {
        expect(t.event).toBeNull()
        return
      }
      const expected: Record<string, unknown> = {
        type: row.event,
        from: row.from.status,
        to: row.to.status,
      }
      // DMS's code and message travel with the event, for the timeline.
      if ('code' in input) expected.code = input.code
      if ('message' in input) expected.message = input.message
      expect(t.event).toEqual(expected)
    },
  )
})

describe('nextState: edge cases', () => {
  it('does not crash on a DMS status it does not know (a newer DMS); nothing changes', () => {
    const snapshot: ChargeSnapshot = {
      status: 'pending',
      cancelRequested: false,
      paidAfterCancel: false,
    }
    const odd = { kind: 'dms-status', status: 'partially-paid' } as unknown as ChargeInput
    expect(nextState(snapshot, odd)).toEqual({ ...snapshot, changed: false, event: null })
    const oddKind = { kind: 'teleported' } as unknown as ChargeInput
    expect(nextState(snapshot, oddKind)).toEqual({ ...snapshot, changed: false, event: null })
  })

  it('does not mutate the snapshot it is given', () => {
    const snapshot = Object.freeze({
      status: 'pending' as const,
      cancelRequested: false,
      paidAfterCancel: false,
    })
    expect(() => nextState(snapshot, { kind: 'cancel-requested' })).not.toThrow()
    expect(snapshot.cancelRequested).toBe(false)
  })

  it('a cancelled charge that the payment beats through close (2003) ends paid and flagged', () => {
    let s: ChargeSnapshot = { status: 'creating', cancelRequested: false, paidAfterCancel: false }
    const events: string[] = []
    for (const input of [
      INPUTS.accepted,
      INPUTS['dms:paying'],
      INPUTS.cancel,
      INPUTS['dms:paid'], // close answered 2003 with the paid status
      INPUTS['close-confirmed'], // a stale close answer arriving later changes nothing
    ]) {
      const t = nextState(s, input)
      if (t.event) events.push(t.event.type)
      s = t
    }
    expect(events).toEqual(['qr-issued', 'scanned', 'cancel-requested', 'paid-after-cancel'])
    expect(s).toMatchObject({ status: 'paid', cancelRequested: true, paidAfterCancel: true })
  })
})

const snapshotArb: fc.Arbitrary<ChargeSnapshot> = fc.record({
  status: fc.constantFrom(...CHARGE_STATUSES),
  cancelRequested: fc.boolean(),
  paidAfterCancel: fc.boolean(),
})

const inputArb: fc.Arbitrary<ChargeInput> = fc.oneof(
  fc.constant({ kind: 'create-accepted' as const }),
  fc.record(
    { kind: fc.constant('create-declined' as const), code: fc.integer(), message: fc.string() },
    { requiredKeys: ['kind', 'message'] },
  ),
  fc.constant({ kind: 'create-unanswered' as const }),
  fc.record({ kind: fc.constant('create-not-sent' as const), message: fc.string() }),
  fc.record(
    {
      kind: fc.constant('dms-status' as const),
      status: fc.constantFrom(...DMS_STATUSES),
      message: fc.string(),
    },
    { requiredKeys: ['kind', 'status'] },
  ),
  fc.constant({ kind: 'not-found-at-dms' as const }),
  fc.constant({ kind: 'cancel-requested' as const }),
  fc.constant({ kind: 'close-confirmed' as const }),
)

const snap = (t: ChargeSnapshot): ChargeSnapshot => ({
  status: t.status,
  cancelRequested: t.cancelRequested,
  paidAfterCancel: t.paidAfterCancel,
})

describe('nextState: properties', () => {
  it('refunded never changes', () => {
    fc.assert(
      fc.property(snapshotArb, inputArb, (s, input) => {
        const t = nextState({ ...s, status: 'refunded' }, input)
        expect(t.changed).toBe(false)
        expect(snap(t)).toEqual({ ...s, status: 'refunded' })
      }),
    )
  })

  it('the same input twice: the second is a no-op (duplicated notifications are harmless)', () => {
    fc.assert(
      fc.property(snapshotArb, inputArb, (s, input) => {
        const once = nextState(s, input)
        const twice = nextState(snap(once), input)
        expect(twice.changed).toBe(false)
        expect(twice.event).toBeNull()
        expect(snap(twice)).toEqual(snap(once))
      }),
      { numRuns: 2000 },
    )
  })

  it('paid is never left except for refunded', () => {
    fc.assert(
      fc.property(snapshotArb, inputArb, (s, input) => {
        const t = nextState({ ...s, status: 'paid' }, input)
        expect(['paid', 'refunded']).toContain(t.status)
      }),
    )
  })

  it('changed, the event and the snapshot agree', () => {
    fc.assert(
      fc.property(snapshotArb, inputArb, (s, input) => {
        const t = nextState(s, input)
        const differs =
          t.status !== s.status ||
          t.cancelRequested !== s.cancelRequested ||
          t.paidAfterCancel !== s.paidAfterCancel
        if (!t.changed) {
          expect(t.event).toBeNull()
          expect(differs).toBe(false)
          return
        }
        expect(t.event).not.toBeNull()
        expect(CHARGE_EVENT_TYPES).toContain(t.event?.type)
        expect(t.event?.from).toBe(s.status)
        expect(t.event?.to).toBe(t.status)
      }),
      { numRuns: 2000 },
    )
  })

  it('along any history from creating, the invariants hold', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 30 }), (inputs) => {
        let s: ChargeSnapshot = {
          status: 'creating',
          cancelRequested: false,
          paidAfterCancel: false,
        }
        let moneySeen = false
        for (const input of inputs) {
          const t = nextState(s, input)
          // Flags only ever go up.
          if (s.cancelRequested) expect(t.cancelRequested).toBe(true)
          if (s.paidAfterCancel) expect(t.paidAfterCancel).toBe(true)
          // The flag marks money that came after a cancel, nothing else.
          if (t.paidAfterCancel) {
            expect(t.cancelRequested).toBe(true)
            expect(['paid', 'refunded']).toContain(t.status)
          }
          // Settled never reopens; creating is never re-entered.
          if (isTerminal(s.status)) expect(isTerminal(t.status)).toBe(true)
          if (s.status !== 'creating') expect(t.status).not.toBe('creating')
          // Once DMS reported money, the charge shows it for good.
          if (t.status === 'paid' || t.status === 'refunded') moneySeen = true
          if (moneySeen) expect(['paid', 'refunded']).toContain(t.status)
          s = snap(t)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('a DMS "paid" always ends in paid, from wherever the charge was (except refunded)', () => {
    fc.assert(
      fc.property(snapshotArb, fc.string(), (s, message) => {
        const t = nextState(s, { kind: 'dms-status', status: 'paid', message })
        expect(t.status).toBe(s.status === 'refunded' ? 'refunded' : 'paid')
      }),
    )
  })
})

describe('status sets', () => {
  it('open and terminal partition the statuses', () => {
    expect([...OPEN_STATUSES, ...TERMINAL_STATUSES].sort()).toEqual([...CHARGE_STATUSES].sort())
    for (const s of CHARGE_STATUSES) expect(isOpen(s)).toBe(!isTerminal(s))
    expect(OPEN_STATUSES.filter(isTerminal)).toEqual([])
  })

  it('isChargeStatus accepts exactly the statuses', () => {
    for (const s of CHARGE_STATUSES) expect(isChargeStatus(s)).toBe(true)
    for (const v of ['', 'PAID', 'idle', 'open', null, undefined, 1, {}]) {
      expect(isChargeStatus(v)).toBe(false)
    }
  })
})
