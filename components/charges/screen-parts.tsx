'use client'

import type { ChargeStatus } from '@/lib/charges/status'
import { deferred } from '@/components/ui/deferred'
import { preloadMark } from './pay-way-mark-later'

/*
 * The charge screen's parts that are not in its first load (components/ui/deferred.tsx): each comes
 * as its own chunk, behind a stand-in of its final size, so the screen does not move when it
 * arrives. The screen's first load keeps what must answer at once: the live charge, its status,
 * amount (while it is open; an ended charge's is in its outcome panel) and bill, the connection
 * mark, and the cancel with its confirm (also on Esc). The new-charge form preloads them all
 * (preloadScreenParts) before the cashier's first click, so the screen it shows from the create's
 * answer has every part in hand.
 */

const stage = deferred(() => import('./charge-stage').then((m) => m.ChargeStage))
const status = deferred(() => import('./status-badge').then((m) => m.StatusBadge))
const actions = deferred(() => import('./switch-pay-way').then((m) => m.SwitchPayWay))
const nextSteps = deferred(() => import('./charge-next-steps').then((m) => m.ChargeNextSteps))
const announcer = deferred(() => import('./paid-announcer').then((m) => m.SpeakPaid))
const customerLine = deferred(() =>
  import('@/components/display/customer-screen-line').then((m) => m.CustomerScreenLine),
)

const PARTS = [stage, status, actions, nextSteps, announcer, customerLine]

/** Fetches every part's code (once); the form calls it when it is on screen and idle. */
export function preloadScreenParts(): Promise<unknown> {
  return Promise.all([...PARTS.map((p) => p.preload()), preloadMark()])
}

/**
 * The stage: the QR with its countdown, the outcome once it has ended. Until its code is in, a
 * stand-in of the look's final size: the QR's square and its two lines (as on the charge's
 * preview), or the outcome panel's height.
 */
export const StagePart = (props: React.ComponentProps<typeof stage.Part>) => (
  <stage.Part
    fallback={
      props.outcome ? (
        <div className="min-h-[16rem] w-full sm:min-h-[20rem]" aria-hidden />
      ) : (
        <div className="flex w-full flex-col items-center gap-4" aria-hidden>
          <div className="aspect-square w-full max-w-[24rem] rounded-2xl bg-gray-100" />
          <p className="text-lg">&nbsp;</p>
          <p className="text-3xl font-semibold">&nbsp;</p>
        </div>
      )
    }
    {...props}
  />
)

/** The status in large type; meanwhile its word in the same box, without its colours. */
export const StatusPart = ({ status: s, label }: { status: ChargeStatus; label: string }) => (
  <status.Part
    status={s}
    label={label}
    large
    fallback={
      <span className="inline-flex px-5 py-2 text-2xl font-bold text-balance">{label}</span>
    }
  />
)

/** 切换到… (the cancel is not here: it is in the first load). */
export const SwitchPart = (props: React.ComponentProps<typeof actions.Part>) => (
  <actions.Part fallback={<div className="h-14" aria-hidden />} {...props} />
)

/** Retry, new charge, receipt, today's list: once the charge has ended. */
export const NextStepsPart = (props: React.ComponentProps<typeof nextSteps.Part>) => (
  <nextSteps.Part fallback={<div className="min-h-14" aria-hidden />} {...props} />
)

/** The chime and spoken line on payment, and the switch for the spoken line. */
export const AnnouncerPart = (props: React.ComponentProps<typeof announcer.Part>) => (
  <announcer.Part fallback={<div className="min-h-11" aria-hidden />} {...props} />
)

/** Whether the station's customer screen is connected (the subscription is the screen's own). */
export const CustomerLinePart = (props: {
  live: boolean
  offlineForSec: number | null
  tablets: number
}) => <customerLine.Part {...props} fallback={<span className="block min-h-7" aria-hidden />} />
