import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { CustomerScreenStatus } from '@/components/display/customer-screen-status'
import { buttonClass } from '@/components/ui/button'
import { cardClass } from '@/components/ui/card'
import { FormMessage } from '@/components/ui/field'
import { isLocale } from '@/lib/locale'
import { splitLegacyReciever } from '@/lib/charges/station-accounts'
import { describeDmsError } from '@/lib/dms/error-text'
import { PAY_WAYS, type DmsError, type PayWay } from '@/lib/dms/types'
import { listStations } from '@/lib/stations/repo'
import type { Station } from '@/lib/stations/schema'
import { payerField, plainField, receiverField, type AccountField } from './account-fields'
import { AccountsForm } from './accounts-form'
import { AutoPrintForm } from './auto-print-form'
import { loadDmsAccounts, type DmsAccounts } from './dms-accounts'
import { StationNameForm } from './station-name-form'

/** Every station with its name and DMS accounts. Waits for DMS, so the page streams it in. */
export async function StationList() {
  const [stations, catalog, locale, t] = await Promise.all([
    listStations(),
    loadDmsAccounts(),
    getLocale(),
    getTranslations('admin.stations'),
  ])
  const text = (key: string, params?: Record<string, string>) => t(key, params)
  // describeDmsError speaks to a cashier mid-payment; its timeout text ("checking the payment…")
  // doesn't fit here, so that one case gets its own sentence.
  const dmsProblem = (error: DmsError) => {
    const head =
      error.kind === 'unknown'
        ? t('dmsTimeout')
        : t('dmsUnavailable', { ...describeDmsError(error, isLocale(locale) ? locale : 'zh-CN') })
    return `${head} ${t('dmsFallback')}`
  }
  return (
    <div className="space-y-4">
      {catalog.ok ? null : (
        <FormMessage tone="warning" testId="dms-error" text={dmsProblem(catalog.error)} />
      )}
      <ul className="space-y-4">
        {stations.map((s) => (
          <li
            key={s.id}
            id={`station-${s.id}`}
            data-testid="station-row"
            data-station-id={s.id}
            className={cardClass()}
          >
            <h2 className="mb-4 text-lg font-semibold">{s.name}</h2>
            {/* One section under another, each the card's width: beside the short name form the
                accounts were squeezed into what was left, over an empty column, at 1024 px. */}
            <div className="max-w-md">
              <StationNameForm station={{ id: s.id, name: s.name }} />
            </div>
            <section
              aria-label={t('accounts.heading', { name: s.name })}
              className="mt-4 border-t border-gray-100 pt-4"
            >
              <AccountsForm
                stationId={s.id}
                payer={
                  catalog.ok ? payerField(s.payerId, catalog.payer, text) : plainField(s.payerId)
                }
                recievers={recieverFields(s, catalog, text)}
              />
            </section>
            <div className="mt-4 border-t border-gray-100 pt-4">
              <AutoPrintForm stationId={s.id} on={s.autoPrintReceipt} />
            </div>
            {/* Wraps on a phone: the screen's line and the link do not fit one row there. */}
            <div className="mt-4 flex flex-wrap items-center gap-4 border-t border-gray-100 pt-4">
              <CustomerScreenStatus stationId={s.id} />
              <Link
                href={`/admin/stations/${s.id}/tablets`}
                data-testid="station-tablets"
                className={`${buttonClass('outline')} ml-auto`}
              >
                {t('tablets')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

type Text = (key: string, params?: Record<string, string>) => string

/**
 * Each pay way's field. A station still on its single account of before shows it split as the next
 * charge will split it (into the pay ways DMS lists it as taking), so what the manager sees is what
 * the desk will use.
 */
function recieverFields(s: Station, catalog: DmsAccounts, text: Text) {
  const ids =
    catalog.ok && s.legacyRecieverId
      ? splitLegacyReciever(s.legacyRecieverId, s.recieverIds, catalog.receivers)
      : s.recieverIds
  const one = (way: PayWay) =>
    catalog.ok
      ? receiverField(ids[way], catalog.receivers, way, text)
      : plainField(ids[way] ?? s.legacyRecieverId)
  return Object.fromEntries(PAY_WAYS.map((w) => [w, one(w)])) as Record<PayWay, AccountField>
}
