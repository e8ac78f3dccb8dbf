'use client'

import {
  createContext,
  startTransition,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { deferred } from '@/components/ui/deferred'
import type { PayWay } from '@/lib/dms/types'
import type { CreatedCharge } from './actions'

/*
 * Neither the preview nor the charge screen is in the form's first load: both are fetched as soon
 * as the form's code runs in the browser (asked again on submit, at no cost), then the
 * screen's parts (screen-parts.tsx), so they are in hand by the time the action answers. The
 * screen is shown only once they all are: a part that suspended would show its stand-in, and
 * React holds a stand-in on screen a while before the real part may replace it.
 */
const preview = deferred(() =>
  import('@/components/charges/charge-preview').then((m) => m.ChargePreview),
)
const screenModule = () => import('../[id]/charge-screen-view')
const screen = deferred(() => screenModule().then((m) => m.ChargeScreenView))
let loading: Promise<unknown> | null = null
let loaded = false
const preloadAll = () =>
  (loading ??= Promise.all([
    preview.preload(),
    // After the screen's own chunk, which holds the parts' loaders (it never fails: deferred.tsx).
    screen
      .preload()
      .then(() => screenModule())
      .then((m) => m.preloadScreenParts()),
  ]).then(() => {
    loaded = true
  }))
// From the moment this module runs in the browser, alongside the page's hydration.
if (typeof window !== 'undefined') void preloadAll()

/** Runs `fn` once the next frame is painted (a task queued from its animation frame); cancellable. */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

export interface PreviewValues {
  bzOrder: string
  amountFen: number
  payWay: PayWay
}

interface Flow {
  /** The charge being created, shown at once on submit; null: the form again (a refusal). */
  showPreview: (v: PreviewValues | null) => void
  /** The create's answer: the charge screen, from it alone. */
  showCharge: (created: CreatedCharge) => void
}

const FlowContext = createContext<Flow>({ showPreview: () => {}, showCharge: () => {} })

/** The form reaches the page's flow through this. */
export const useChargeFlow = () => useContext(FlowContext)

type Shown = CreatedCharge & {
  /** The address has been /charge/<id>: from then on the screen shows only while it still is. */
  arrived: boolean
  /** The QR is painted and the router has drawn what it had pending: push the address now. */
  push?: boolean
  /** The last move in the history left the charge's address (read from the address itself). */
  away?: boolean
}

/**
 * The new-charge page from click to QR in one request. On submit the page gives way to the
 * charge's preview; the action's answer is the charge's view, and the charge screen is shown from
 * it right here — no redirect, no second server render, no GET of what was just given (the view
 * is the screen's first state, and it asks for nothing on mount: use-charge.ts). The address
 * becomes /charge/<id> through history.pushState, which Next's router takes in (usePathname
 * follows it); a reload or a shared link of that address renders the same screen from its own
 * page. The page under it is unmounted meanwhile (its today list's stream too): Back returns to
 * /charge/new and mounts it anew, an empty form. During the preview the page stays mounted
 * (hidden), so a refusal brings the form back with what was typed.
 */
export function ChargeFlow({ children }: { children: React.ReactNode }) {
  const t = useTranslations('charge')
  const pathname = usePathname()
  const [typed, setPreview] = useState<PreviewValues | null>(null)
  const [shown, setShown] = useState<Shown | null>(null)
  const [flow] = useState<Flow>(() => ({
    showPreview(v) {
      void preloadAll()
      setPreview(v)
    },
    showCharge(created) {
      const show = () => {
        setShown({ ...created, arrived: false })
        setPreview(null)
      }
      // Meanwhile the preview stays: the charge's amount and bill, and the QR's square.
      if (loaded) show()
      else void preloadAll().then(show)
    },
  }))

  const id = shown?.charge.id
  const here = id !== undefined && pathname === `/charge/${id}`
  if (shown && here && !shown.arrived) setShown({ ...shown, arrived: true })
  const onCharge = shown !== null && !shown.away && (here || !shown.arrived)

  // Before paint: the title is the charge's as soon as its screen is shown, and the page's title
  // comes back with the form.
  const pageTitle = useRef<string | null>(null)
  useLayoutEffect(() => {
    if (!onCharge || !shown) {
      if (pageTitle.current !== null) document.title = pageTitle.current
      pageTitle.current = null
      return
    }
    pageTitle.current ??= document.title
    const at = pageTitle.current.indexOf(' · ')
    const suffix = at >= 0 ? pageTitle.current.slice(at) : ''
    document.title = `${t('title', { bill: shown.charge.bzOrder })}${suffix}`
  }, [onCharge, shown, t])

  // The address follows once the QR is painted: Next's router handles a pushState synchronously,
  // and done in the QR's own commit it ran 2–3 ms before the QR was drawn (issue 14, traced). Once
  // per charge, so this hangs on `shown` alone: the action's answer re-renders the page, and an
  // effect run again for it (a new `t`) pushed the address twice, so Back stayed on it. Not pushed
  // straight from the frame either: Next's router may still hold, undrawn, the state the create's
  // action left (its answer re-renders the page when it sets the station's cookie), and drawn after
  // the push it pushed /charge/new on top of the charge's address: Back went to the charge
  // (charge-one-trip.spec, traced). A transition is drawn together with the router's pending ones
  // (React batches transitions), so the push comes after them; a router action still running is
  // dropped by the push (Next's queue: a history move preempts it).
  useLayoutEffect(() => {
    if (!shown || shown.arrived) return
    const id = shown.charge.id
    if (shown.push) {
      window.history.pushState(null, '', `/charge/${id}`)
      return
    }
    return afterPaint(() =>
      startTransition(() =>
        setShown((s) => (s && s.charge.id === id && !s.arrived ? { ...s, push: true } : s)),
      ),
    )
  }, [shown])

  // Next's router takes the pushed address in as a transition, a moment later, and on a busy
  // machine a Back came before it or between its renders: the screen stayed up at /charge/new
  // (charge-one-trip.spec caught it). So each move in the history is judged by the address the
  // browser is at, not by the router's pathname: off the charge's, the form; back on it (Forward),
  // the charge. Any move also means the address was taken (never pushed after it). Listening from
  // the screen's first commit, as long as it is this charge's.
  useLayoutEffect(() => {
    if (id === undefined) return
    const moved = () =>
      setShown((s) =>
        s?.charge.id === id
          ? { ...s, arrived: true, away: window.location.pathname !== `/charge/${id}` }
          : s,
      )
    window.addEventListener('popstate', moved)
    return () => window.removeEventListener('popstate', moved)
  }, [id])

  return (
    <FlowContext value={flow}>
      {onCharge ? (
        <screen.Part
          key={shown.charge.id}
          initial={shown.charge}
          speakByDefault={shown.speakByDefault}
          autoPrint={shown.autoPrint}
          drawQrFirst
          fallback={
            <preview.Part
              bzOrder={shown.charge.bzOrder}
              amountFen={shown.charge.amountFen}
              payWay={shown.charge.payWay}
            />
          }
        />
      ) : (
        <>
          {typed ? <preview.Part {...typed} fallback={<div className="min-h-[22rem]" />} /> : null}
          {/* Hidden, not gone, during the preview: a refusal brings the form back as typed. */}
          <div className={typed ? 'hidden' : undefined}>{children}</div>
        </>
      )}
    </FlowContext>
  )
}
