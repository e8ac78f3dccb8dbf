import { getFormatter, getTranslations } from 'next-intl/server'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import type { ChargeEvent } from '@/lib/charges/types'
import { SUCCESS_CODE } from '@/lib/dms/read-response'
import { DmsWords } from './dms-words'

/** The charge's history, oldest first: who or what, when, which change, and what DMS said. */
export async function ChargeTimeline({ events }: { events: ChargeEvent[] }) {
  const [t, tEvent, tActor, tSettle, format] = await Promise.all([
    getTranslations('manager.detail'),
    getTranslations('manager.events'),
    getTranslations('manager.actors'),
    getTranslations('manager.settle'),
    getFormatter(),
  ])
  // A settlement by hand shows what the manager chose and why, as they wrote it.
  const settled = (d: Record<string, unknown> | null) => {
    if (!d || (d.outcome !== 'paid' && d.outcome !== 'not-charged')) return null
    const parts = [tSettle(`settledAs.${d.outcome}`)]
    if (typeof d.orderNo === 'string') parts.push(tSettle('orderNoShown', { orderNo: d.orderNo }))
    if (typeof d.reason === 'string') parts.push(tSettle('reasonShown', { reason: d.reason }))
    return parts.join(' · ')
  }
  // DMS's "OK" (1000) is not shown: beside a failed payment's reason it read as that failure's code
  // ("DMS 代码 1000 · 用户余额不足" under a summary saying 代码 3000). A refusal's code still shows.
  const codeOf = (e: ChargeEvent) => (e.dmsCode === SUCCESS_CODE ? null : e.dmsCode)
  // An event type added later still shows, as its code, rather than breaking the page.
  const eventName = (type: string) => (tEvent.has(type) ? tEvent(type) : type)
  return (
    <Card as="section">
      <h2 className="mb-4 text-lg font-semibold">{t('timeline')}</h2>
      {events.length === 0 ? (
        <p className="text-gray-500">{t('noEvents')}</p>
      ) : (
        <ol data-testid="timeline">
          {events.map((e, i) => (
            <li
              key={e.id}
              data-testid="timeline-event"
              data-type={e.type}
              className="relative pb-5 pl-7 last:pb-0"
            >
              {/* The line runs from each dot to the next, so it ends at the last dot (a border on
                  the list ran on past it, down the last entry's text). */}
              {i < events.length - 1 ? (
                <span
                  data-testid="timeline-line"
                  className="absolute top-3 -bottom-3 left-[5px] w-0.5 bg-gray-200"
                  aria-hidden
                />
              ) : null}
              <span
                data-testid="timeline-dot"
                className="absolute top-1.5 left-0 h-3 w-3 rounded-full bg-accent ring-4 ring-white"
                aria-hidden
              />
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <time
                  dateTime={new Date(e.at).toISOString()}
                  className="text-sm text-gray-500 tabular"
                >
                  {format.dateTime(e.at, 'daySecond')}
                </time>
                <span className="font-medium">{eventName(e.type)}</span>
                <span className="text-sm text-gray-500">
                  {tActor(e.actorType)}
                  {e.actorName && e.actorType === 'user' ? ` · ${e.actorName}` : ''}
                </span>
              </div>
              {e.repeatCount > 1 ? (
                <p
                  className="mt-1 text-sm text-gray-600 tabular"
                  data-testid="timeline-repeats"
                  data-count={e.repeatCount}
                >
                  {t('repeated', {
                    count: e.repeatCount,
                    last: format.dateTime(e.lastAt ?? e.at, 'daySecond'),
                  })}
                </p>
              ) : null}
              {e.fromStatus || e.toStatus ? (
                <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                  {e.fromStatus ? <StatusBadge status={e.fromStatus} /> : null}
                  {/* An arrow only between two different statuses, never pointing at nothing. */}
                  {e.fromStatus && e.toStatus && e.toStatus !== e.fromStatus ? (
                    <span aria-hidden>→</span>
                  ) : null}
                  {e.toStatus && e.toStatus !== e.fromStatus ? (
                    <StatusBadge status={e.toStatus} />
                  ) : null}
                </div>
              ) : null}
              {e.type === 'manager-settled' && settled(e.detail) ? (
                <p className="mt-1 text-sm break-all text-gray-700" data-testid="timeline-settle">
                  {settled(e.detail)}
                </p>
              ) : null}
              {codeOf(e) !== null || e.dmsMessage ? (
                <p className="mt-1 text-sm text-gray-700">
                  {codeOf(e) !== null ? (
                    <span className="font-mono">{t('dmsCode', { code: codeOf(e)! })}</span>
                  ) : null}
                  {codeOf(e) !== null && e.dmsMessage ? ' · ' : null}
                  {e.dmsMessage ? <DmsWords message={e.dmsMessage} /> : null}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
