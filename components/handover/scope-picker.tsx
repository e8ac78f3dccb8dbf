import { getTranslations } from 'next-intl/server'
import { buttonClass } from '@/components/ui/button'
import { cardClass } from '@/components/ui/card'
import { controlBase } from '@/components/ui/field'

/** A manager's choice of whose shift: a station, and one cashier or all of them. A plain GET form. */
export async function ScopePicker(props: {
  stations: Array<{ id: string; name: string }>
  cashiers: Array<{ id: string; name: string }>
  stationId: string
  cashierId: string | null
  paper: string
}) {
  const t = await getTranslations('handover')
  return (
    <form
      method="get"
      action="/handover"
      className={`${cardClass({ pad: 'sm' })} flex flex-wrap items-end gap-3 print:hidden`}
    >
      <input type="hidden" name="paper" value={props.paper} />
      <label className="flex flex-col gap-1 text-sm">
        {t('station')}
        <select name="station" defaultValue={props.stationId} className={controlBase}>
          {props.stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t('cashier')}
        <select name="cashier" defaultValue={props.cashierId ?? ''} className={controlBase}>
          <option value="">{t('wholeStation')}</option>
          {props.cashiers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="handover-scope" className={buttonClass('secondary')}>
        {t('show')}
      </button>
    </form>
  )
}
